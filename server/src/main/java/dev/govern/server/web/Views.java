package dev.govern.server.web;

import dev.govern.server.api.RequestApi;
import dev.govern.server.db.DeliveryLog;
import dev.govern.server.db.EnvironmentDao;
import dev.govern.server.db.ScanDao;
import java.util.List;
import java.util.Map;

/** What the dashboard's templates show: one record per page, all values already chosen. */
public final class Views {
  private Views() {}

  /** Every page: title, who is logged in, the CSRF token for its forms, a flash message. */
  public record Page(
      String title, String user, String role, String csrf, String message, String error) {}

  /** One point of the trend: x, y per class, as SVG coordinates. */
  public record Trend(String red, String yellow, String green, int scans, String from, String to) {}

  public record Fleet(
      Page page,
      Map<String, Long> counts,
      long services,
      long scans,
      String lastScan,
      Trend trend,
      List<Overdue> overdue) {}

  public record Overdue(
      String id, String environment, String version, String requester, String due) {}

  public record Services(
      Page page, String riskClass, String owner, List<ScanDao.ServiceRow> services, String next) {}

  public record Service(Page page, ScanDao.ServiceRow service, List<ScanDao.VersionRow> history) {}

  public record Environments(
      Page page,
      List<EnvironmentDao.EnvRow> environments,
      List<RequestApi.RequestDoc> pending,
      boolean mayRequest) {}

  public record Request(
      Page page,
      RequestApi.RequestDoc request,
      String attachment,
      List<Decision> matrix,
      boolean mayVote,
      boolean reviewOpen) {}

  /** One row of the decision matrix: what the rule asks, what the request has, whether it holds. */
  public record Decision(String check, String needed, String actual, boolean ok) {}

  public record LedgerLine(
      long seq,
      String time,
      String operator,
      String action,
      String subject,
      String from,
      String to,
      String reason) {}

  public record Ledger(
      Page page, List<LedgerLine> entries, String status, boolean intact, long head, Long older) {}

  public record Notifications(
      Page page, Map<String, Long> counts, List<DeliveryLog.EventRow> events) {}

  public record Login(Page page) {}
}
