package dev.govern.server.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.core.approval.ApprovalRule;
import dev.govern.server.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An approval rule as kept with a request (JSON), so it is judged as it was when filed. */
public final class RuleJson {
  private RuleJson() {}

  public static String write(ApprovalRule r) {
    return new String(Json.write(map(r)), StandardCharsets.UTF_8);
  }

  public static Map<String, Object> map(ApprovalRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("required", r.required());
    m.put("groups", r.groups());
    m.put("expiresMinutes", r.expires().toMinutes());
    m.put("policy", r.policy());
    r.emergency()
        .ifPresent(
            e ->
                m.put(
                    "emergency",
                    Map.of("quorum", e.quorum(), "reviewHours", e.reviewWithin().toHours())));
    return m;
  }

  static ApprovalRule read(String json) {
    try {
      JsonNode n = Json.MAPPER.readTree(json);
      List<String> groups = new ArrayList<>();
      n.path("groups").forEach(g -> groups.add(g.asText()));
      Optional<ApprovalRule.Emergency> em = Optional.empty();
      if (n.hasNonNull("emergency")) {
        JsonNode e = n.get("emergency");
        em =
            Optional.of(
                new ApprovalRule.Emergency(
                    e.get("quorum").asInt(), Duration.ofHours(e.get("reviewHours").asLong())));
      }
      return new ApprovalRule(
          n.get("required").asInt(),
          groups,
          Duration.ofMinutes(n.get("expiresMinutes").asLong()),
          n.get("policy").asBoolean(),
          em);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
