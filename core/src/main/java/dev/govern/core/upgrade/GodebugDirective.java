package dev.govern.core.upgrade;

import java.nio.file.Path;

/**
 * A GODEBUG setting written in the code: a {@code godebug} line of go.mod or go.work, or a {@code
 * //go:debug} line of a main package.
 *
 * @param key the setting ({@code default} sets every default as of a Go version)
 * @param value its value
 * @param origin where such lines live
 * @param file the file
 * @param line its 1-based line
 */
public record GodebugDirective(String key, String value, Origin origin, Path file, int line) {

  /** Where a directive is written. */
  public enum Origin {
    GO_MOD("go.mod godebug"),
    GO_WORK("go.work godebug"),
    GO_DEBUG("//go:debug");

    private final String label;

    Origin(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** {@code file:line}. */
  public String location() {
    return file + ":" + line;
  }

  /** {@code key=value}. */
  public String text() {
    return key + "=" + value;
  }
}
