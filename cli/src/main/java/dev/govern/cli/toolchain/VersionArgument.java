package dev.govern.cli.toolchain;

import dev.govern.core.config.GovernHome;
import dev.govern.core.toolchain.Resolution;
import dev.govern.core.toolchain.Resolver;
import dev.govern.core.toolchain.Source;
import dev.govern.core.version.GoVersion;

/** A version named on the command line: exact ({@code 1.22.4}) or a line ({@code 1.22}). */
final class VersionArgument {
  private VersionArgument() {}

  /** The toolchain it names; a line becomes its newest installed patch when there is one. */
  static Resolution resolve(GovernHome home, String text) {
    GoVersion.parse(text); // the precise error for junk
    return new Resolver(home)
        .of(text.strip(), new Source(Source.Kind.ARGUMENT, "the command line"));
  }
}
