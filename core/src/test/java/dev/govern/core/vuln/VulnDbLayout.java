package dev.govern.core.vuln;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Builds a database in vuln.go.dev layout (index/db.json, index/modules.json, ID/<id>.json and
 * .json.gz) from plain OSV files, as the service publishes it.
 */
final class VulnDbLayout {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private VulnDbLayout() {}

  /**
   * Writes the layout of {@code osvFiles} into {@code out}.
   *
   * @param modified the database modified time for index/db.json
   * @param entryTime when not null, replaces every entry's published and modified time (a real
   *     time, as the live service stamps them)
   * @param gzipOnly write only .json.gz documents
   */
  static void write(
      List<Path> osvFiles, Path out, String modified, String entryTime, boolean gzipOnly)
      throws IOException {
    Map<String, ArrayNode> modules = new TreeMap<>();
    Files.createDirectories(out.resolve("ID"));
    Files.createDirectories(out.resolve("index"));
    for (Path f : osvFiles) {
      ObjectNode e = (ObjectNode) MAPPER.readTree(f.toFile());
      if (entryTime != null) {
        e.put("published", entryTime);
        e.put("modified", entryTime);
      }
      String id = e.get("id").asText();
      for (var a : e.get("affected")) {
        String module = a.get("package").get("name").asText();
        ArrayNode vulns = modules.computeIfAbsent(module, k -> MAPPER.createArrayNode());
        if (vulns.findValuesAsText("id").contains(id)) {
          continue;
        }
        vulns.addObject().put("id", id).put("modified", e.get("modified").asText());
      }
      put(out, "ID/" + id + ".json", MAPPER.writeValueAsBytes(e), gzipOnly);
    }
    ArrayNode index = MAPPER.createArrayNode();
    modules.forEach((m, v) -> index.addObject().put("path", m).set("vulns", v));
    put(out, "index/modules.json", MAPPER.writeValueAsBytes(index), gzipOnly);
    put(
        out,
        "index/db.json",
        MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("modified", modified)),
        gzipOnly);
  }

  /** The index/modules.json document of {@code osvFiles} (their own modified times). */
  static byte[] modulesIndex(List<Path> osvFiles) throws IOException {
    Map<String, ArrayNode> modules = new TreeMap<>();
    for (Path f : osvFiles) {
      var e = MAPPER.readTree(f.toFile());
      String id = e.get("id").asText();
      for (var a : e.get("affected")) {
        ArrayNode vulns =
            modules.computeIfAbsent(
                a.get("package").get("name").asText(), k -> MAPPER.createArrayNode());
        if (!vulns.findValuesAsText("id").contains(id)) {
          vulns.addObject().put("id", id).put("modified", e.get("modified").asText());
        }
      }
    }
    ArrayNode index = MAPPER.createArrayNode();
    modules.forEach((m, v) -> index.addObject().put("path", m).set("vulns", v));
    return MAPPER.writeValueAsBytes(index);
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
      gz.write(data);
    }
    return b.toByteArray();
  }

  private static void put(Path out, String name, byte[] data, boolean gzipOnly) throws IOException {
    if (!gzipOnly) {
      Files.write(out.resolve(name), data);
    }
    Files.write(out.resolve(name + ".gz"), gzip(data));
  }

  /** The OSV files (testdata) whose ids start with one of {@code prefixes}, sorted. */
  static List<Path> sharedFiles(String... prefixes) throws IOException {
    try (var s = Files.list(SharedVulnDb.osvDir())) {
      return s.filter(
              p -> {
                String n = p.getFileName().toString();
                for (String pre : prefixes) {
                  if (n.startsWith(pre)) {
                    return true;
                  }
                }
                return false;
              })
          .sorted()
          .toList();
    }
  }
}
