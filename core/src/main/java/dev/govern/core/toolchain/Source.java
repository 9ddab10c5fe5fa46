package dev.govern.core.toolchain;

import java.util.Objects;

/**
 * What decided the Go version that applies in a directory.
 *
 * @param kind the kind of decider
 * @param where the variable name or the absolute file path; {@code default} for the default
 */
public record Source(Kind kind, String where) {
  /** The deciders, in resolution order. */
  public enum Kind {
    ENV("env"),
    GO_VERSION(".go-version"),
    TOOL_VERSIONS(".tool-versions"),
    GO_WORK("go.work"),
    GO_MOD("go.mod"),
    DEFAULT("default"),
    /** A toolchain named by GOTOOLCHAIN ({@code go1.22.4}, {@code go1.22.4+auto}). */
    GOTOOLCHAIN("GOTOOLCHAIN"),
    /** Named on the command line ({@code govern env 1.22.4}); not part of the resolution. */
    ARGUMENT("argument");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The short name used in JSON ({@code env}, {@code .go-version}, …). */
    public String label() {
      return label;
    }
  }

  public Source {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(where, "where");
  }

  /** A phrase for messages: {@code /src/app/.go-version}, {@code GOVERN_GO_VERSION}. */
  public String describe() {
    return kind == Kind.DEFAULT ? "the global default" : where;
  }
}
