package dev.govern.cli.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The heading under which a subcommand is listed in {@code govern --help}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CommandGroup {
  /** One of the {@link Group} headings. */
  Group value();

  /** Purposes, in the order {@code --help} lists them. */
  enum Group {
    TOOLCHAINS("Toolchains"),
    AUDIT("Audit and environments"),
    ARTIFACTS("Artifacts and knowledge"),
    GOVERNANCE("Governance"),
    OTHER("Other");

    private final String heading;

    Group(String heading) {
      this.heading = heading;
    }

    public String heading() {
      return heading;
    }
  }
}
