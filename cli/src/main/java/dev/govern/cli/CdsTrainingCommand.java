package dev.govern.cli;

import dev.govern.cli.model.CommandModel;
import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.CliIo;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.artifact.binary.BinaryScan;
import dev.govern.core.artifact.binary.BuildInfo;
import dev.govern.core.artifact.binary.BuildInfoText;
import dev.govern.core.artifact.binary.ExecutableWalk;
import dev.govern.core.version.GoVersion;
import dev.govern.core.version.VersionRange;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Hidden: run once by the launcher while it records the class-data-sharing archive, so that the
 * classes of the common start-up paths (help, version parsing, JSON output) are archived.
 */
@Command(name = "cds-training", hidden = true, description = "Exercise start-up paths for AppCDS.")
public final class CdsTrainingCommand extends BaseCommand {
  @Override
  protected int run() {
    StringWriter sink = new StringWriter();
    PrintWriter w = new PrintWriter(sink);
    GovernCommand root = new GovernCommand(new CliIo(w, w, false, false), settings());
    CommandLine rootLine = GovernCli.fullTree(root, CommandModel.bundled());
    rootLine.usage(w);
    for (CommandLine sub : rootLine.getSubcommands().values()) {
      sub.usage(w);
    }
    // whole runs of the quick commands, as a user would start them
    for (String[] args :
        new String[][] {
          {"version-info", "go1.22.4"}, {"version-info", "--json", "go1.21rc2"}, {"--help"}
        }) {
      GovernCli.build(new GovernCommand(new CliIo(w, w, false, false), settings()), args)
          .execute(args);
    }
    GoVersion v = GoVersion.parse("go1.22.4");
    VersionRange.parse(">=1.21.4 || 1.20.x").contains(v);
    sink.write(JsonOutput.toJson(Map.of("schemaVersion", 1, "version", v.toSemver())));
    trainBinaryReaders(sink);
    return sink.getBuffer().length() > 0 ? 0 : 1;
  }

  /** The inspect path: a directory walk and scan (the JDK's own executables: ELF, not Go). */
  private static void trainBinaryReaders(StringWriter sink) {
    try {
      BuildInfo bi =
          BuildInfoText.parse(
              "go1.22.4",
              "path\tex.com/m\nmod\tex.com/m\t(devel)\t\ndep\tex.com/d\tv1.0.0\th1:x=\n"
                  + "build\t-ldflags=\"-s -w\"\nbuild\tvcs.modified=false\n");
      sink.write(bi.goVersionM("m"));
    } catch (BuildInfoText.ParseException e) {
      throw new IllegalStateException(e);
    }
    Path bin = Path.of(System.getProperty("java.home"), "bin");
    BinaryScan.run(
        each -> ExecutableWalk.walk(bin, bin.toString(), each),
        2,
        b -> b.buildInfo().goVersionM(b.name()),
        o -> sink.write(o.entry().name()));
  }
}
