package dev.govern.cli.toolchain;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;
import dev.govern.core.io.AtomicFiles;
import dev.govern.core.ledger.Change;
import dev.govern.core.toolchain.GoModToolchainLine;
import dev.govern.core.toolchain.Resolver;
import dev.govern.core.toolchain.VersionText;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code govern pin <v>}: writes {@code .go-version} in the current directory; with {@code
 * --toolchain} also sets the go.mod {@code toolchain} line (every other byte of go.mod kept).
 */
@Command(
    name = "pin",
    description = "Pin this directory to a Go version (.go-version; --toolchain: go.mod too).")
public final class PinCommand extends BaseCommand {
  /** The first Go that reads a go.mod toolchain line. */
  private static final GoVersion FIRST_WITH_TOOLCHAIN_LINE = GoVersion.parse("1.21.0");

  @Parameters(paramLabel = "VERSION", description = "The version to pin: 1.22.4")
  String version;

  @Option(names = "--toolchain", description = "Also set the toolchain line of ./go.mod.")
  boolean toolchain;

  @Option(names = "--reason", paramLabel = "R", description = "Why; recorded with the change.")
  String reason;

  @Mixin JsonFlag format;

  /** The {@code --json} document. */
  record Pinned(
      int schemaVersion,
      String version,
      String file,
      String previous,
      String gomod,
      boolean installed)
      implements JsonDocument {}

  @Override
  protected int run() {
    GoVersion v = GoVersion.parse(version);
    boolean line = VersionText.isLine(v.bare()) || v.isLanguageVersion();
    String name = v.toString();
    Path dir = cwd();
    Path goVersion = dir.resolve(".go-version");
    Path gomod = dir.resolve("go.mod");
    String gomodBefore = null;
    String gomodAfter = null;
    if (toolchain) {
      if (line) {
        throw GovernException.usage(
            "a go.mod toolchain line names one release, not a line: \""
                + version
                + "\" (e.g. 1.22.4)");
      }
      if (v.isBefore(FIRST_WITH_TOOLCHAIN_LINE)) {
        throw GovernException.usage(
            name
                + " cannot read a go.mod toolchain line (Go 1.21 and later only); pin without"
                + " --toolchain");
      }
      gomodBefore = readLatin1(gomod);
      if (gomodBefore == null) {
        throw GovernException.notFound(
            "no go.mod in " + dir, "run pin --toolchain in the module's directory");
      }
      gomodAfter = GoModToolchainLine.set(gomodBefore, name);
    }
    String before = readLatin1(goVersion);
    String previous = before == null ? null : Resolver.goVersionFileEntry(goVersion);
    AtomicFiles.writeString(goVersion, v.bare() + "\n");
    List<Runnable> undo = new ArrayList<>();
    undo.add(() -> restore(goVersion, before));
    try {
      if (toolchain) {
        String old = gomodBefore;
        AtomicFiles.write(gomod, gomodAfter.getBytes(StandardCharsets.ISO_8859_1));
        undo.add(() -> restore(gomod, old));
      }
      recorder()
          .record(new Change("pin", goVersion.toString(), norm(previous), name, reason, null));
      if (toolchain) {
        recorder()
            .record(
                new Change(
                    "pin-toolchain",
                    gomod.toString(),
                    norm(GoModToolchainLine.read(gomodBefore)),
                    name,
                    reason,
                    null));
      }
    } catch (RuntimeException e) {
      undo.forEach(Runnable::run);
      throw e;
    }
    GovernHome home = settings().home();
    boolean installed = VersionArgument.resolve(home, version).installed();
    if (format.json) {
      JsonOutput.print(
          out(),
          new Pinned(
              1,
              name,
              goVersion.toString(),
              norm(previous),
              toolchain ? gomod.toString() : null,
              installed));
    } else {
      out().println("pinned " + name + " in " + goVersion + (toolchain ? " and " + gomod : ""));
      out().flush();
    }
    if (!installed) {
      warn(name + " is not installed yet; run: govern install " + v.bare());
    }
    return 0;
  }

  private static String norm(String raw) {
    if (raw == null) {
      return null;
    }
    try {
      return GoVersion.parse(raw).toString();
    } catch (GovernException e) {
      return raw;
    }
  }

  /** The file as bytes-in-chars (ISO-8859-1 maps each byte to one char), or null if absent. */
  private static String readLatin1(Path p) {
    try {
      return Files.readString(p, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  private static void restore(Path p, String content) {
    try {
      if (content == null) {
        Files.deleteIfExists(p);
      } else {
        AtomicFiles.write(p, content.getBytes(StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore " + p, e);
    }
  }
}
