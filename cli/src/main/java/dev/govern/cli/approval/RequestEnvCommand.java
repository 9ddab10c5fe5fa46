package dev.govern.cli.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.cli.remote.ServerClient;
import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.GovernException;
import dev.govern.core.governance.EnvStatus;
import dev.govern.core.governance.Environment;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govern request env ENV VERSION --reason …}. */
@Command(
    name = "env",
    description =
        "Ask to set an environment's Go version; the server applies it when the governance file's approval rule is met.")
final class RequestEnvCommand extends BaseCommand {
  /** The largest attachment sent (the server takes 4 MiB bodies). */
  static final long MAX_ATTACHMENT = 1L << 20;

  @Parameters(index = "0", paramLabel = "ENV", description = "The environment: prod, staging …")
  String env;

  @Parameters(index = "1", paramLabel = "VERSION", description = "The Go version: go1.22.5 …")
  String version;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
  String reason;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "live, observing or suspended (default: live).")
  String status = "live";

  @Option(
      names = "--attach",
      paramLabel = "FILE",
      description =
          "Evidence to attach (a decision record, text, at most 1 MiB); its SHA-256 enters the ledger.")
  Path attach;

  @Option(
      names = "--emergency",
      description =
          "Apply at once with the reduced quorum the governance file allows; a post-hoc review becomes due.")
  boolean emergency;

  @Mixin ServerOption server;
  @Mixin JsonFlag format;

  @Override
  protected int run() {
    Environment.checkName(env);
    GoVersion v = GoVersion.parse(version);
    if (EnvStatus.of(status).isEmpty()) {
      throw GovernException.usage(
          "--status: expected live, observing or suspended, found \"" + status + "\"");
    }
    if (reason.isBlank()) {
      throw GovernException.usage("--reason must say why");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("environment", env);
    body.put("version", v.toString());
    body.put("status", status);
    body.put("reason", reason);
    if (attach != null) {
      body.put("attachmentName", attach.getFileName().toString());
      body.put("attachment", read(cwd().resolve(attach)));
    }
    body.put("emergency", emergency);
    ServerClient c = server.client(settings());
    JsonNode n = c.post("/api/v1/requests", ServerClient.json(body), false).json();
    if (format.json) {
      JsonOutput.print(out(), RequestView.Doc.of(n));
      return 0;
    }
    String id = n.path("request").path("id").asText();
    out().println(RequestView.line(n));
    if ("applied".equals(n.path("result").asText())) {
      out()
          .println(
              "applied at once as server ledger seq "
                  + n.path("ledgerSeq").asLong()
                  + (emergency
                      ? "; post-hoc review due " + n.path("request").path("reviewDue").asText()
                      : ""));
    } else {
      out()
          .println(
              "filed: needs "
                  + n.path("quorum").asInt()
                  + " approval(s); others run 'govern approve "
                  + id
                  + "'");
    }
    out().flush();
    return 0;
  }

  private static String read(Path p) {
    try {
      if (Files.size(p) > MAX_ATTACHMENT) {
        throw GovernException.usage("--attach: " + p + " is larger than 1 MiB");
      }
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw GovernException.notFound("--attach: no such file: " + p, null);
    } catch (MalformedInputException e) {
      throw GovernException.usage("--attach: " + p + " is not UTF-8 text");
    } catch (IOException e) {
      throw GovernException.runtime("--attach: cannot read " + p + ": " + e.getMessage(), e);
    }
  }
}
