package dev.govern.core.artifact.binary;

/** The container formats govern reads. */
public enum ExecutableFormat {
  ELF("ELF"),
  PE("PE"),
  MACHO("Mach-O"),
  XCOFF("XCOFF"),
  PLAN9("Plan 9 a.out");

  private final String label;

  ExecutableFormat(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
