package dev.govern.cli.envs;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.GovernanceOption;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.OperatorOption;
import dev.govern.core.GovernException;
import dev.govern.core.audit.Audit;
import dev.govern.core.governance.EnvStatus;
import dev.govern.core.governance.Environment;
import dev.govern.core.governance.EnvironmentsEditor;
import dev.govern.core.governance.GovernanceFile;
import dev.govern.core.governance.GovernanceLocator;
import dev.govern.core.io.AtomicFiles;
import dev.govern.core.io.FileLocks;
import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.Evidence;
import dev.govern.core.ledger.LedgerEntry;
import dev.govern.core.ledger.LedgerRecorder;
import dev.govern.core.version.GoVersion;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern envs set}: changes one row, keeping the rest of the file as it was. */
@Command(
    name = "set",
    description =
        "Set an environment's version and status in the governance file (comments and layout kept) and record it in the ledger.")
final class EnvsSetCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "ENV", description = "The environment: prod, staging …")
  String env;

  @Parameters(index = "1", paramLabel = "VERSION", description = "The Go version: go1.22.5 …")
  String version;

  @Option(
      names = "--status",
      required = true,
      paramLabel = "STATUS",
      description = "live, observing or suspended.")
  String status;

  @Option(
      names = "--note",
      paramLabel = "TEXT",
      description = "A note (default: keep the old one).")
  String note;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Since when (default: today when the version changes, else unchanged).")
  String since;

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "Why: recorded in the ledger.")
  String reason;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "Change the table on the team server at URL (token from GOVERN_TOKEN) instead of the governance file; a change made meanwhile by someone else is refused (412), never overwritten.")
  String server;

  @Mixin OperatorOption operator;
  @Mixin GovernanceOption governance;
  @Mixin JsonFlag format;

  record Result(
      int schemaVersion,
      String governanceFile,
      String environment,
      String from,
      String to,
      String status,
      String since,
      String note,
      long seq,
      String hash)
      implements JsonDocument {}

  @Override
  @SuppressWarnings("try") // the lock is held for the block, not used in it
  protected int run() {
    Environment.checkName(env);
    GoVersion v = GoVersion.parse(version);
    EnvStatus st =
        EnvStatus.of(status)
            .orElseThrow(
                () ->
                    GovernException.usage(
                        "--status: expected live, observing or suspended, found \""
                            + status
                            + "\""));
    if (reason.isBlank()) {
      throw GovernException.usage("--reason must say why");
    }
    if (server != null) {
      return applyRemote(v, st);
    }
    Path file = GovernanceLocator.require(governance.file, settings(), cwd());
    // two people setting environments at once: the second reads what the first wrote
    try (FileLocks.Held held =
        FileLocks.exclusive(file.resolveSibling("." + file.getFileName() + ".lock"))) {
      return apply(file, v, st);
    }
  }

  /** The row to write over {@code old}: since and note kept unless given or the version changed. */
  private Environment row(Optional<Environment> old, GoVersion v, EnvStatus st) {
    LocalDate sinceDate;
    if (since != null) {
      try {
        sinceDate = LocalDate.parse(since);
      } catch (DateTimeParseException e) {
        throw GovernException.usage("--since: not a date: \"" + since + "\" (expected 2024-06-15)");
      }
    } else if (old.isPresent() && old.get().version().equals(v)) {
      sinceDate = old.get().since();
    } else {
      sinceDate = LocalDate.now(ZoneOffset.UTC);
    }
    String newNote = note != null ? note : old.map(Environment::note).orElse(null);
    return new Environment(env, v, sinceDate, st, newNote);
  }

  private int applyRemote(GoVersion v, EnvStatus st) {
    RemoteEnvironments remote = new RemoteEnvironments(server, settings());
    Optional<RemoteEnvironments.Read> old = remote.find(env);
    Environment row = row(old.map(RemoteEnvironments.Read::row), v, st);
    RemoteEnvironments.Written w =
        remote.write(row, old.map(RemoteEnvironments.Read::etag).orElse(null), reason);
    String from = old.map(o -> o.row().version().toString()).orElse(null);
    Result r =
        new Result(
            1,
            remote.url(),
            env,
            from,
            v.toString(),
            st.word(),
            row.since() == null ? null : row.since().toString(),
            row.note(),
            w.ledgerSeq(),
            null);
    if (format.json) {
      JsonOutput.print(out(), r);
    } else {
      out()
          .println(
              env
                  + ": "
                  + (from == null ? "(new)" : from)
                  + " → "
                  + v
                  + ", status "
                  + st.word()
                  + " on "
                  + remote.url());
      out()
          .println("revision " + w.revision() + ", recorded as server ledger seq " + w.ledgerSeq());
      out().flush();
    }
    return 0;
  }

  private int apply(Path file, GoVersion v, EnvStatus st) {
    GovernanceFile gf = GovernanceFile.load(file);
    Optional<Environment> old = gf.environment(env);
    Environment row = row(old, v, st);
    LocalDate sinceDate = row.since();
    String newNote = row.note();

    Audit audit = audit(operator.operator, file.toString());
    LedgerRecorder recorder = audit.recorder();
    String from = old.map(e -> e.version().toString()).orElse(null);
    String summary =
        env
            + ": version "
            + (from == null ? "(new)" : from)
            + " → "
            + v
            + ", status "
            + old.map(e -> e.status().word()).orElse("(new)")
            + " → "
            + st.word()
            + ", since "
            + (sinceDate == null ? "—" : sinceDate)
            + (newNote == null ? "" : ", note \"" + newNote + "\"");
    Change change =
        new Change(
            "env-set",
            "env:" + env,
            from,
            v.toString(),
            reason,
            Evidence.of(commandLine(), 0, summary + "\nfile: " + file));
    recorder.precheck(change);

    String text = EnvironmentsEditor.set(gf, row);
    GovernanceFile check = GovernanceFile.parse(file, text);
    if (!Objects.equals(check.environment(env).orElse(null), row)) {
      throw new GovernException(
          dev.govern.core.ErrorCode.INTERNAL,
          "editing " + file + " did not produce the intended row for " + env,
          "this is a bug in govern; the file was not changed");
    }
    AtomicFiles.writeString(file, text);
    LedgerEntry e;
    try {
      e = recorder.append(change);
    } catch (RuntimeException ex) {
      AtomicFiles.writeString(file, gf.text()); // not recorded: not changed
      throw ex;
    }
    Result r =
        new Result(
            1,
            file.toString(),
            env,
            from,
            v.toString(),
            st.word(),
            sinceDate == null ? null : sinceDate.toString(),
            newNote,
            e.seq(),
            e.hash());
    if (format.json) {
      JsonOutput.print(out(), r);
    } else {
      out().println(summary);
      out().println("recorded as ledger seq " + e.seq() + " (" + e.hash().substring(0, 12) + ")");
      out().flush();
    }
    return 0;
  }

  private String commandLine() {
    StringBuilder sb =
        new StringBuilder("govern envs set ").append(env).append(' ').append(version);
    sb.append(" --status ").append(status);
    if (note != null) {
      sb.append(" --note ").append('"').append(note).append('"');
    }
    if (since != null) {
      sb.append(" --since ").append(since);
    }
    return sb.toString();
  }
}
