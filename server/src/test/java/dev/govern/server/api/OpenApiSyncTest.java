package dev.govern.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.testing.Http;
import dev.govern.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document served at /api/v1/openapi.json lists exactly the server's routes, each with
 * the permission the code checks, and every $ref resolves.
 */
class OpenApiSyncTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theDocumentListsExactlyTheRoutesWithTheirPermissions(@TempDir Path dir) throws Exception {
    try (TestServer server = TestServer.start(DatabaseUrl.Kind.SQLITE, dir)) {
      Http.Response served = server.http(null).get("/api/v1/openapi.json");
      assertThat(served.status()).isEqualTo(200);
      JsonNode doc = served.json();
      assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");

      Set<String> inCode = new TreeSet<>();
      for (Route r : server.server().routes()) {
        String path = r.path().replaceAll("<([^>]+)>", "{$1}");
        inCode.add(
            r.method().name().toLowerCase(Locale.ROOT) + " " + path + " " + r.permission().name());
      }
      Set<String> inDoc = new TreeSet<>();
      for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
        for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
          inDoc.add(
              op.getKey()
                  + " "
                  + path.getKey()
                  + " "
                  + op.getValue().path("x-govern-permission").asText());
          boolean open = op.getValue().path("x-govern-permission").asText().equals("PUBLIC");
          assertThat(op.getValue().get("security").isEmpty())
              .as(op.getKey() + " " + path.getKey())
              .isEqualTo(open);
        }
      }
      assertThat(inDoc).isEqualTo(inCode);
      assertRefsResolve(doc, doc);
    }
  }

  private static void assertRefsResolve(JsonNode root, JsonNode node) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null) {
        assertThat(root.at(ref.asText().substring(1)).isMissingNode()).as(ref.asText()).isFalse();
      }
      node.elements().forEachRemaining(n -> assertRefsResolve(root, n));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(n -> assertRefsResolve(root, n));
    }
  }
}
