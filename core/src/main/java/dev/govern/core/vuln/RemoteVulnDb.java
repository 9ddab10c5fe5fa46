package dev.govern.core.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.net.DocumentCache;
import dev.govern.core.net.UrlFetcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Mirrors a database served in vuln.go.dev layout into one cached zip ({@code index/db.json},
 * {@code index/modules.json} and {@code ID/<id>.json}), stamped in the {@link DocumentCache} with
 * the database's modified time. A sync downloads only entries that are new or whose modified time
 * in {@code index/modules.json} changed; each document is fetched as {@code .json.gz} and, when the
 * server lacks it, as {@code .json}.
 */
final class RemoteVulnDb {
  private static final long MAX_INDEX_BYTES = 64L << 20;
  private static final long MAX_ENTRY_BYTES = 8L << 20;
  private static final int PARALLEL_DOWNLOADS = 8;

  private final UrlFetcher fetcher;
  private final DocumentCache cache;

  RemoteVulnDb(UrlFetcher fetcher, DocumentCache cache) {
    this.fetcher = fetcher;
    this.cache = cache;
  }

  /** The cache entry name for a database URL: {@code vulndb/vuln.go.dev.zip}. */
  static String cacheName(URI base) {
    String key = base.getHost() + (base.getPort() >= 0 ? "_" + base.getPort() : "");
    String path = base.getPath() == null ? "" : base.getPath().replaceAll("[^A-Za-z0-9.-]+", "_");
    key = (key + path).replaceAll("_+$", "");
    return "vulndb/" + key + ".zip";
  }

  Optional<DocumentCache.Entry> cached(URI base) {
    return cache.get(cacheName(base));
  }

  /**
   * Brings the cached copy up to date and returns its entry. When the remote modified time equals
   * the cached one, only the fetch time is renewed.
   */
  DocumentCache.Entry sync(String base, Instant now) {
    String name = cacheName(URI.create(base));
    byte[] dbJson = fetch(base, "index/db.json");
    Optional<Instant> modified = LocalVulnDbReader.dbModified(dbJson, base + "/index/db.json");
    Optional<DocumentCache.Entry> old = cache.get(name);
    Map<String, byte[]> oldFiles = old.map(e -> readZip(e.file())).orElse(Map.of());
    if (old.isPresent()
        && modified.isPresent()
        && old.get().modified().equals(modified)
        && !oldFiles.isEmpty()) {
      return cache.put(name, base, readAll(old.get().file()), now, modified.get());
    }
    byte[] modulesJson = fetch(base, "index/modules.json");
    Map<String, String> wanted = idsWithModified(modulesJson, base + "/index/modules.json");
    Map<String, String> had =
        oldFiles.containsKey("index/modules.json")
            ? idsWithModified(oldFiles.get("index/modules.json"), name + "!index/modules.json")
            : Map.of();
    Map<String, byte[]> files = new TreeMap<>();
    files.put("index/db.json", dbJson);
    files.put("index/modules.json", modulesJson);
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> w : wanted.entrySet()) {
      String file = "ID/" + w.getKey() + ".json";
      byte[] kept = oldFiles.get(file);
      if (kept != null && w.getValue().equals(had.get(w.getKey()))) {
        files.put(file, kept);
      } else {
        missing.add(w.getKey());
      }
    }
    files.putAll(download(base, missing));
    return cache.put(name, base, zip(files), now, modified.orElse(null));
  }

  private Map<String, byte[]> download(String base, List<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_DOWNLOADS, ids.size()));
    try {
      List<Future<byte[]>> futures = new ArrayList<>();
      for (String id : ids) {
        Callable<byte[]> task = () -> fetch(base, "ID/" + id + ".json");
        futures.add(pool.submit(task));
      }
      Map<String, byte[]> out = new HashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        out.put("ID/" + ids.get(i) + ".json", futures.get(i).get());
      }
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new GovernException(ErrorCode.NETWORK, "download failed: " + e.getCause(), null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GovernException(ErrorCode.NETWORK, "interrupted while downloading " + base);
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@code name.gz} if the server has it, else {@code name}; the result is uncompressed. */
  private byte[] fetch(String base, String name) {
    long max = name.startsWith("index/") ? MAX_INDEX_BYTES : MAX_ENTRY_BYTES;
    try {
      URI gz = UrlFetcher.resolve(base, name + ".gz");
      return LocalVulnDbReader.maybeGunzip(fetcher.readAll(gz, max), gz.toString());
    } catch (GovernException e) {
      if (e.code() != ErrorCode.NOT_FOUND) {
        throw e;
      }
    }
    return fetcher.readAll(UrlFetcher.resolve(base, name), max);
  }

  /** id → modified, from an {@code index/modules.json} document. */
  private static Map<String, String> idsWithModified(byte[] json, String name) {
    JsonNode root;
    try {
      root = OsvParser.mapper().readTree(json);
    } catch (IOException e) {
      throw GovernException.invalidInput(name + ": not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isArray()) {
      throw GovernException.invalidInput(name + ": expected a JSON array of modules");
    }
    Map<String, String> ids = new TreeMap<>();
    for (JsonNode module : root) {
      for (JsonNode v : module.path("vulns")) {
        String id = v.path("id").asText("");
        if (!id.matches("[A-Za-z0-9-]+")) {
          throw GovernException.invalidInput(name + ": bad vulnerability id \"" + id + "\"");
        }
        ids.put(id, v.path("modified").asText(""));
      }
    }
    return ids;
  }

  private static byte[] zip(Map<String, byte[]> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        z.putNextEntry(new ZipEntry(f.getKey()));
        z.write(f.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the vulnerability database zip", e);
    }
    return bytes.toByteArray();
  }

  private static Map<String, byte[]> readZip(java.nio.file.Path file) {
    Map<String, byte[]> out = new HashMap<>();
    try (ZipFile z = new ZipFile(file.toFile())) {
      for (var en = z.entries(); en.hasMoreElements(); ) {
        ZipEntry e = en.nextElement();
        out.put(e.getName(), z.getInputStream(e).readAllBytes());
      }
      return out;
    } catch (IOException e) {
      return Map.of(); // a damaged cache is refetched
    }
  }

  private static byte[] readAll(java.nio.file.Path file) {
    try {
      return java.nio.file.Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
