package dev.govern.cli.support;

/** The headings under which {@code govern --help} lists subcommands, in the order it lists them. */
public enum CommandGroup {
  TOOLCHAINS("Toolchains"),
  AUDIT("Audit and environments"),
  ARTIFACTS("Artifacts and knowledge"),
  GOVERNANCE("Governance"),
  RELEASES("Service releases"),
  OTHER("Other");

  private final String heading;

  CommandGroup(String heading) {
    this.heading = heading;
  }

  public String heading() {
    return heading;
  }
}
