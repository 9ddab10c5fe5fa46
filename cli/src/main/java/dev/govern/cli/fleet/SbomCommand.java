package dev.govern.cli.fleet;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.CommandGroup;
import dev.govern.cli.support.CommandGroup.Group;
import dev.govern.cli.support.VersionProvider;
import dev.govern.core.GovernException;
import dev.govern.core.artifact.binary.BuildInfo;
import dev.govern.core.artifact.binary.GoBinary;
import dev.govern.core.fleet.Sbom;
import dev.govern.core.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern sbom <binary>}: a CycloneDX SBOM from a Go binary's build info. */
@CommandGroup(Group.GOVERNANCE)
@Command(
    name = "sbom",
    description = "Write a CycloneDX SBOM of a Go binary (modules and the standard library).")
public final class SbomCommand extends BaseCommand {
  @Parameters(paramLabel = "BINARY", description = "A Go executable.")
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

  @Override
  protected int run() {
    Sbom.Format f = Sbom.Format.ofWord(format);
    if (Files.isDirectory(target)) {
      throw GovernException.usage(
          target
              + " is a directory: give a Go binary (SBOMs of source trees are not supported yet)");
    }
    if (!Files.exists(target)) {
      throw GovernException.notFound("no such file: " + target, null);
    }
    BuildInfo info;
    try (GoBinary bin = GoBinary.open(target, target.toString())) {
      info = bin.buildInfo();
    }
    String text =
        Sbom.render(
            Sbom.of(
                target.getFileName().toString(), info, VersionProvider.version(), Instant.now()),
            f);
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
