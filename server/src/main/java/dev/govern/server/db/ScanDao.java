package dev.govern.server.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.core.fleet.ScanDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Pushed scans, each service's history, and each service's newest state. */
public final class ScanDao {
  /** A stored scan. */
  public record ScanRow(
      String id,
      String scannedAt,
      String pushedAt,
      String pushedBy,
      int services,
      int red,
      int yellow,
      int green,
      long ledgerSeq) {}

  /** A service as its newest scan saw it. */
  public record ServiceRow(
      String name,
      String firstSeen,
      String lastScanId,
      String lastScannedAt,
      String owner,
      String riskClass,
      String go,
      Boolean supported) {}

  /** One scan's view of a service. */
  public record VersionRow(
      String scanId,
      String scannedAt,
      String root,
      String owner,
      String riskClass,
      List<String> because,
      String go,
      String goFrom,
      Boolean supported,
      List<String> stdlib,
      List<String> toolchain,
      List<String> modules,
      List<ScanDocument.Evidence> evidence) {}

  private final Handle h;
  private final ObjectMapper json;

  public ScanDao(Handle h, ObjectMapper json) {
    this.h = h;
    this.json = json;
  }

  /**
   * Inserts the scan row unless its id is taken; returns whether it was inserted (a concurrent push
   * of the same id waits for the first to commit, then inserts nothing).
   */
  public boolean insertScan(ScanRow s, String bodySha256) {
    return h.createUpdate(
                """
                INSERT INTO scans (id, body_sha256, scanned_at, pushed_at, pushed_by, services,
                                   red, yellow, green, ledger_seq)
                VALUES (:id, :sha, :scannedAt, :pushedAt, :pushedBy, :services,
                        :red, :yellow, :green, 0)
                ON CONFLICT (id) DO NOTHING
                """)
            .bindMethods(s)
            .bind("sha", bodySha256)
            .execute()
        == 1;
  }

  public void setLedgerSeq(String scanId, long seq) {
    h.createUpdate("UPDATE scans SET ledger_seq = :seq WHERE id = :id")
        .bind("seq", seq)
        .bind("id", scanId)
        .execute();
  }

  public Optional<String> bodySha256(String scanId) {
    return h.createQuery("SELECT body_sha256 FROM scans WHERE id = :id")
        .bind("id", scanId)
        .mapTo(String.class)
        .findOne();
  }

  /** Writes every service's row of this scan and moves each service's newest state forward. */
  public void insertServices(String scanId, String scannedAt, List<ScanDocument.Row> rows) {
    List<ScanDocument.Row> sorted = new ArrayList<>(rows);
    // one order for every transaction: two pushes never wait on each other's rows in a cycle
    sorted.sort(Comparator.comparing(ScanDocument.Row::name));
    PreparedBatch versions =
        h.prepareBatch(
            """
            INSERT INTO service_versions (scan_id, service_name, scanned_at, root, owner, risk_class,
              because, go_version, go_from, supported, stdlib, toolchain, modules, evidence)
            VALUES (:scanId, :name, :scannedAt, :root, :owner, :riskClass, :because, :go, :goFrom,
              :supported, :stdlib, :toolchain, :modules, :evidence)
            """);
    PreparedBatch latest =
        h.prepareBatch(
            """
            INSERT INTO services (name, first_seen, last_scan_id, last_scanned_at, owner, risk_class,
                                  go_version, supported)
            VALUES (:name, :scannedAt, :scanId, :scannedAt, :owner, :riskClass, :go, :supported)
            ON CONFLICT (name) DO UPDATE SET
              last_scan_id = excluded.last_scan_id,
              last_scanned_at = excluded.last_scanned_at,
              owner = excluded.owner,
              risk_class = excluded.risk_class,
              go_version = excluded.go_version,
              supported = excluded.supported,
              first_seen = CASE WHEN services.first_seen < excluded.first_seen
                                THEN services.first_seen ELSE excluded.first_seen END
              WHERE services.last_scanned_at <= excluded.last_scanned_at
            """);
    for (ScanDocument.Row r : sorted) {
      versions
          .bind("scanId", scanId)
          .bind("name", r.name())
          .bind("scannedAt", scannedAt)
          .bind("root", r.root())
          .bind("owner", r.owner())
          .bind("riskClass", r.riskClass())
          .bind("because", write(r.because()))
          .bind("go", r.go())
          .bind("goFrom", r.goFrom())
          .bind("supported", r.supported())
          .bind("stdlib", write(r.stdlib()))
          .bind("toolchain", write(r.toolchain()))
          .bind("modules", write(r.modules()))
          .bind("evidence", write(r.evidence()))
          .add();
      latest
          .bind("name", r.name())
          .bind("scannedAt", scannedAt)
          .bind("scanId", scanId)
          .bind("owner", r.owner())
          .bind("riskClass", r.riskClass())
          .bind("go", r.go())
          .bind("supported", r.supported())
          .add();
    }
    if (!sorted.isEmpty()) {
      versions.execute();
      latest.execute();
    }
  }

  public Optional<ScanRow> scan(String id) {
    return h.createQuery(SCAN_COLUMNS + " WHERE id = :id")
        .bind("id", id)
        .map(ScanDao::scanRow)
        .findOne();
  }

  public List<ScanRow> scans(int limit) {
    return h.createQuery(SCAN_COLUMNS + " ORDER BY scanned_at DESC, id LIMIT :limit")
        .bind("limit", limit)
        .map(ScanDao::scanRow)
        .list();
  }

  public long scanCount() {
    return h.createQuery("SELECT COUNT(*) FROM scans").mapTo(Long.class).one();
  }

  private static final String SCAN_COLUMNS =
      """
      SELECT id, scanned_at, pushed_at, pushed_by, services, red, yellow, green, ledger_seq
      FROM scans""";

  private static ScanRow scanRow(
      java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c)
      throws java.sql.SQLException {
    return new ScanRow(
        rs.getString("id"),
        rs.getString("scanned_at"),
        rs.getString("pushed_at"),
        rs.getString("pushed_by"),
        rs.getInt("services"),
        rs.getInt("red"),
        rs.getInt("yellow"),
        rs.getInt("green"),
        rs.getLong("ledger_seq"));
  }

  /** Services by name after {@code after}, optionally of one class or owner. */
  public List<ServiceRow> services(String riskClass, String owner, String after, int limit) {
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT name, first_seen, last_scan_id, last_scanned_at, owner, risk_class, go_version,
                   supported
            FROM services WHERE name > :after""");
    if (riskClass != null) {
      sql.append(" AND risk_class = :riskClass");
    }
    if (owner != null) {
      sql.append(" AND owner = :owner");
    }
    sql.append(" ORDER BY name LIMIT :limit");
    var q =
        h.createQuery(sql.toString())
            .bind("after", after == null ? "" : after)
            .bind("limit", limit);
    if (riskClass != null) {
      q.bind("riskClass", riskClass);
    }
    if (owner != null) {
      q.bind("owner", owner);
    }
    return q.map(ScanDao::serviceRow).list();
  }

  public Optional<ServiceRow> service(String name) {
    return h.createQuery(
            """
            SELECT name, first_seen, last_scan_id, last_scanned_at, owner, risk_class, go_version,
                   supported
            FROM services WHERE name = :name
            """)
        .bind("name", name)
        .map(ScanDao::serviceRow)
        .findOne();
  }

  private static ServiceRow serviceRow(
      java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c)
      throws java.sql.SQLException {
    boolean sup = rs.getBoolean("supported");
    return new ServiceRow(
        rs.getString("name"),
        rs.getString("first_seen"),
        rs.getString("last_scan_id"),
        rs.getString("last_scanned_at"),
        rs.getString("owner"),
        rs.getString("risk_class"),
        rs.getString("go_version"),
        rs.wasNull() ? null : sup);
  }

  /** A service's history, newest first. */
  public List<VersionRow> history(String name, int limit) {
    return h.createQuery(
            """
            SELECT scan_id, scanned_at, root, owner, risk_class, because, go_version, go_from,
                   supported, stdlib, toolchain, modules, evidence
            FROM service_versions WHERE service_name = :name
            ORDER BY scanned_at DESC, scan_id DESC LIMIT :limit
            """)
        .bind("name", name)
        .bind("limit", limit)
        .map(
            (rs, ctx) -> {
              boolean sup = rs.getBoolean("supported");
              Boolean supported = rs.wasNull() ? null : sup;
              return new VersionRow(
                  rs.getString("scan_id"),
                  rs.getString("scanned_at"),
                  rs.getString("root"),
                  rs.getString("owner"),
                  rs.getString("risk_class"),
                  strings(rs.getString("because")),
                  rs.getString("go_version"),
                  rs.getString("go_from"),
                  supported,
                  strings(rs.getString("stdlib")),
                  strings(rs.getString("toolchain")),
                  strings(rs.getString("modules")),
                  evidence(rs.getString("evidence")));
            })
        .list();
  }

  /**
   * The advisories (stdlib, toolchain and module) each of {@code names} carried in its newest scan
   * older than {@code before}; services never scanned before are absent.
   */
  public java.util.Map<String, java.util.Set<String>> previousAdvisories(
      List<String> names, String before) {
    java.util.Map<String, java.util.Set<String>> out = new java.util.HashMap<>();
    for (int i = 0; i < names.size(); i += 500) {
      List<String> chunk = names.subList(i, Math.min(names.size(), i + 500));
      h.createQuery(
              """
              SELECT v.service_name, v.stdlib, v.toolchain, v.modules
              FROM services s JOIN service_versions v
                ON v.scan_id = s.last_scan_id AND v.service_name = s.name
              WHERE s.name IN (<names>) AND s.last_scanned_at < :before
              """)
          .bindList("names", chunk)
          .bind("before", before)
          .map(
              (rs, ctx) -> {
                java.util.Set<String> ids = new java.util.TreeSet<>();
                ids.addAll(strings(rs.getString(2)));
                ids.addAll(strings(rs.getString(3)));
                ids.addAll(strings(rs.getString(4)));
                out.put(rs.getString(1), ids);
                return 0;
              })
          .list();
    }
    return out;
  }

  /** Services per class, from each service's newest scan. */
  public java.util.Map<String, Long> classCounts() {
    java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
    m.put("red", 0L);
    m.put("yellow", 0L);
    m.put("green", 0L);
    h.createQuery("SELECT risk_class, COUNT(*) AS n FROM services GROUP BY risk_class")
        .map((rs, ctx) -> java.util.Map.entry(rs.getString("risk_class"), rs.getLong("n")))
        .forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  private String write(Object v) {
    try {
      return json.writeValueAsString(v == null ? List.of() : v);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> strings(String s) {
    try {
      return List.of(json.readValue(s, String[].class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("service_versions holds bad JSON: " + e.getMessage(), e);
    }
  }

  private List<ScanDocument.Evidence> evidence(String s) {
    try {
      return List.of(json.readValue(s, ScanDocument.Evidence[].class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("service_versions holds bad JSON: " + e.getMessage(), e);
    }
  }
}
