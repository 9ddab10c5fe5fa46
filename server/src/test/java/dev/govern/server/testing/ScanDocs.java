package dev.govern.server.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.govern.core.fleet.ScanDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Scan documents as {@code govern scan --format json} writes them, made up for the tests. */
public final class ScanDocs {
  private ScanDocs() {}

  private static final String[] CLASSES = {"red", "yellow", "green"};
  private static final String[] GO = {"go1.20.14", "go1.21.13", "go1.22.5"};

  /**
   * {@code services} services named {@code example.com/<prefix>/svc-<i>}, classes by {@code seed}.
   */
  public static ScanDocument document(String prefix, int services, int seed, Instant at) {
    List<ScanDocument.Row> rows = new ArrayList<>();
    for (int i = 0; i < services; i++) {
      int k = Math.floorMod(i + seed, 3);
      rows.add(
          new ScanDocument.Row(
              "example.com/" + prefix + "/svc-" + i,
              "/src/" + prefix + "/svc-" + i,
              "@team-" + (i % 7),
              CLASSES[k],
              k == 0 ? List.of("unsupported") : k == 1 ? List.of("behind_patches") : List.of(),
              GO[k],
              "go.mod toolchain",
              k != 0,
              k == 0 ? List.of("GO-2024-2687") : List.of(),
              List.of(),
              List.of(),
              k == 2 ? null : GO[2],
              List.of(
                  new ScanDocument.Evidence(
                      "go.mod toolchain",
                      "/src/" + prefix + "/svc-" + i + "/go.mod",
                      3,
                      "toolchain " + GO[k],
                      GO[k],
                      50,
                      false,
                      false))));
    }
    return new ScanDocument(
        1, at.toString(), List.of("/src/" + prefix), Map.of(), rows, List.of(), null);
  }

  public static String json(ScanDocument d) {
    try {
      return Http.JSON.writeValueAsString(d);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
