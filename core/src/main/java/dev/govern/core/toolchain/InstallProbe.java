package dev.govern.core.toolchain;

/**
 * Told each time an install reaches a step: lock taken, chunk downloaded, entry unpacked,
 * published. Production uses {@link #NONE}; tests use it to stop an installer at step N and kill it
 * there.
 */
@FunctionalInterface
public interface InstallProbe {
  InstallProbe NONE = step -> {};

  void reached(String step);
}
