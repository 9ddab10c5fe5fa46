package dev.govern.cli.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.governance.Environment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code govern requests [--pending]}: the change requests on the team server. */
@Command(name = "requests", description = "List change requests on the team server, newest first.")
public final class RequestsCommand extends BaseCommand {
  @Option(names = "--pending", description = "Only the open ones.")
  boolean pending;

  @Option(names = "--env", paramLabel = "ENV", description = "Only this environment's.")
  String env;

  @Mixin ServerOption server;
  @Mixin JsonFlag format;

  record Listing(int schemaVersion, List<RequestView.Doc> requests) implements JsonDocument {}

  @Override
  protected int run() {
    StringBuilder q = new StringBuilder("/api/v1/requests?limit=200");
    if (pending) {
      q.append("&state=pending");
    }
    if (env != null) {
      Environment.checkName(env);
      q.append("&environment=").append(URLEncoder.encode(env, StandardCharsets.UTF_8));
    }
    JsonNode n = server.client(settings()).get(q.toString()).json();
    if (format.json) {
      List<RequestView.Doc> docs = new ArrayList<>();
      n.path("requests").forEach(r -> docs.add(RequestView.Doc.of(r)));
      JsonOutput.print(out(), new Listing(1, docs));
      return 0;
    }
    if (n.path("requests").isEmpty()) {
      out().println(pending ? "no open change requests" : "no change requests");
    }
    n.path("requests").forEach(r -> out().println(RequestView.line(r)));
    out().flush();
    return 0;
  }
}
