package dev.govern.core.testing;

import dev.govern.core.testing.GoToolchain.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Go binary built at test time, with what the toolchain that built it answers about it. The
 * answers were recorded by the real tools right after the build ({@link TestBinaries}) and are
 * reused with the binary.
 *
 * @param build what was built, and how
 * @param file the binary (under the repository's {@code target/go-test-binaries/bin/})
 * @param answers the folder holding the tools' answers
 */
public record TestBinary(GoBuild build, Path file, Path answers) {

  /** The file name, as {@code go version -m} prints it when run beside the file. */
  public String name() {
    return build.name();
  }

  /** The bytes of the binary. */
  public byte[] bytes() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code go version -m NAME} run in the binary's folder. */
  public Output versionM() {
    return answer("version-m");
  }

  /** {@code go tool buildid FILE}. */
  public Output buildId() {
    return answer("buildid");
  }

  /** {@code go tool nm FILE}. */
  public Output nm() {
    return answer("nm");
  }

  private Output answer(String tool) {
    try {
      return new Output(
          Integer.parseInt(Files.readString(answers.resolve(tool + ".exit")).strip()),
          Files.readString(answers.resolve(tool + ".out")),
          Files.readString(answers.resolve(tool + ".err")));
    } catch (IOException e) {
      throw new UncheckedIOException("no recorded answer of " + tool + " for " + file, e);
    }
  }

  static void record(Path answers, String tool, Output o) throws IOException {
    Files.writeString(answers.resolve(tool + ".out"), o.out());
    Files.writeString(answers.resolve(tool + ".err"), o.err());
    Files.writeString(answers.resolve(tool + ".exit"), Integer.toString(o.exitCode()));
  }

  @Override
  public String toString() {
    return build.toString();
  }
}
