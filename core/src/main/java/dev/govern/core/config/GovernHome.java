package dev.govern.core.config;

import java.nio.file.Path;

/**
 * The layout of {@code GOVERN_HOME}, where govern keeps all its state.
 *
 * @param root the home directory itself
 */
public record GovernHome(Path root) {
  public Path toolchains() {
    return root.resolve("toolchains");
  }

  public Path toolchain(String name) {
    return toolchains().resolve(name);
  }

  public Path downloads() {
    return root.resolve("downloads");
  }

  public Path bin() {
    return root.resolve("bin");
  }

  public Path cache() {
    return root.resolve("cache");
  }

  public Path keys() {
    return root.resolve("keys");
  }

  public Path state() {
    return root.resolve("state.json");
  }

  public Path ledger() {
    return root.resolve("ledger.jsonl");
  }

  public Path scans() {
    return root.resolve("scans");
  }
}
