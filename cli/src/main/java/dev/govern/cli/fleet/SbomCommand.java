package dev.govern.cli.fleet;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.VersionProvider;
import dev.govern.core.GovernException;
import dev.govern.core.artifact.binary.BuildInfo;
import dev.govern.core.artifact.binary.GoBinary;
import dev.govern.core.fleet.Sbom;
import dev.govern.core.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.cyclonedx.model.Bom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern sbom <binary>}: a CycloneDX SBOM from a Go binary's build info. */
@Command(
    name = "sbom",
    description =
        "Write a CycloneDX SBOM of a Go binary or module (modules and the standard library).")
public final class SbomCommand extends BaseCommand {
  @Parameters(
      paramLabel = "BINARY|DIR",
      description = "A Go executable, or a module folder (its go.mod).")
  Path target;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "cyclonedx-json",
      description = "cyclonedx-json (default) or cyclonedx-xml.")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to FILE (atomically) instead of stdout.")
  Path outFile;

  @Option(
      names = "--offline",
      description =
          "Accepted like on every knowledge command; sbom never uses the network (build info only).")
  boolean offline;

  @Override
  protected int run() {
    Sbom.Format f = Sbom.Format.ofWord(format);
    Path t = cwd().resolve(target);
    if (!Files.exists(t)) {
      throw GovernException.notFound("no such file or directory: " + target, null);
    }
    Bom bom;
    if (Files.isDirectory(t) || t.getFileName().toString().equals("go.mod")) {
      Path goMod = Files.isDirectory(t) ? t.resolve("go.mod") : t;
      if (!Files.isRegularFile(goMod)) {
        throw GovernException.notFound(t + " has no go.mod", "give a module folder or a Go binary");
      }
      bom = Sbom.ofModule(goMod, VersionProvider.version(), Instant.now());
    } else {
      BuildInfo info;
      try (GoBinary bin = GoBinary.open(t, target.toString())) {
        info = bin.buildInfo();
      }
      bom = Sbom.of(t.getFileName().toString(), info, VersionProvider.version(), Instant.now());
    }
    String text = Sbom.render(bom, f);
    if (outFile != null) {
      AtomicFiles.writeString(outFile, text.endsWith("\n") ? text : text + "\n");
      err().println("wrote " + outFile);
      err().flush();
    } else {
      out().println(text);
      out().flush();
    }
    return 0;
  }
}
