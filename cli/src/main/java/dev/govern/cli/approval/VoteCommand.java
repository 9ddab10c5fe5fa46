package dev.govern.cli.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.cli.remote.ServerClient;
import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.OperatorOption;
import dev.govern.core.GovernException;
import dev.govern.core.approval.ApprovalStatement;
import dev.govern.core.ledger.KeyFolder;
import dev.govern.core.ledger.Operators;
import dev.govern.core.ledger.SigningKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Approve or reject a change request. With a govern signing key for the operator (the token's user
 * name) the vote is signed: Ed25519 over the request's canonical form ({@link ApprovalStatement}).
 */
abstract class VoteCommand extends BaseCommand {
  @Parameters(
      index = "0",
      paramLabel = "ID",
      description = "The change request (govern requests lists them).")
  String id;

  @Option(names = "--unsigned", description = "Do not sign, even with a signing key.")
  boolean unsigned;

  @Mixin OperatorOption operator;
  @Mixin ServerOption server;
  @Mixin JsonFlag format;

  abstract String verdict();

  abstract String comment();

  @Override
  protected int run() {
    if (!id.matches("[0-9a-f]{12}")) {
      throw GovernException.usage("not a change request id: \"" + id + "\" (12 hex digits)");
    }
    ServerClient c = server.client(settings());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("comment", comment());
    String sig = null;
    Optional<SigningKey> key =
        unsigned
            ? Optional.empty()
            : new KeyFolder(settings().home().keys())
                .signingKey(Operators.resolve(operator.operator, settings()));
    if (key.isPresent()) {
      JsonNode r = c.get("/api/v1/requests/" + id).json().path("request");
      boolean review = verdict().equals("approve") && r.path("state").asText().equals("applied");
      ApprovalStatement st =
          new ApprovalStatement(
              id,
              r.path("environment").asText(),
              r.path("version").asText(),
              r.path("envStatus").asText(),
              r.path("reason").asText(),
              r.path("requester").asText(),
              r.path("createdAt").asText(),
              r.hasNonNull("attachmentSha256") ? r.get("attachmentSha256").asText() : null,
              r.path("emergency").asBoolean(),
              key.get().operator(),
              review ? "review" : verdict());
      sig = st.sign(key.get());
      body.put("signature", sig);
    }
    JsonNode n =
        c.post("/api/v1/requests/" + id + "/" + verdict(), ServerClient.json(body), false).json();
    if (format.json) {
      JsonOutput.print(out(), RequestView.Doc.of(n));
      return 0;
    }
    RequestView.detail(out(), n);
    String result = n.path("result").asText();
    out()
        .println(
            switch (result) {
                  case "applied" ->
                      "the rule is met: applied as server ledger seq "
                          + n.path("ledgerSeq").asLong();
                  case "approved" ->
                      "approved ("
                          + n.path("approvals").asInt()
                          + " of "
                          + n.path("quorum").asInt()
                          + ")";
                  case "reviewed" -> "post-hoc review recorded";
                  default -> result;
                }
                + (sig == null ? "" : "; signed with key " + key.get().keyId()));
    out().flush();
    return 0;
  }
}
