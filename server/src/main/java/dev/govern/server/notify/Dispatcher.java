package dev.govern.server.notify;

import dev.govern.core.ledger.Ledger;
import dev.govern.server.ServerLog;
import dev.govern.server.db.OutboxDao;
import dev.govern.server.db.Transactions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Delivers the outbox: claims due deliveries with a lease (a compare-and-set, so several server
 * processes share the work without sending one twice while a lease holds), sends them, and records
 * every attempt. A failure is tried again after {@link Backoff}; a process that dies mid-delivery
 * leaves a lease that runs out, and another attempt follows (at least once). Nothing is kept only
 * in memory: a restart picks up where the database says.
 */
public final class Dispatcher implements AutoCloseable {
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final int BATCH = 64;

  private record Due(String eventId, String sink, int attempts, String payload) {}

  private final Transactions tx;
  private final Map<String, Sink> sinks;
  private final Backoff backoff;
  private final Clock clock;
  private final ServerLog log;
  private final HttpClient http;
  private final ExecutorService senders;
  private final Thread loop;
  private final String owner = UUID.randomUUID().toString();
  private final Object signal = new Object();
  private final Duration idlePoll;
  private boolean woken;
  private volatile boolean running = true;

  public Dispatcher(
      Transactions tx,
      List<Sink> sinks,
      Backoff backoff,
      Clock clock,
      ServerLog log,
      int threads,
      Duration idlePoll) {
    this.tx = tx;
    this.sinks =
        sinks.stream().collect(java.util.stream.Collectors.toMap(Sink::name, Function.identity()));
    this.backoff = backoff;
    this.clock = clock;
    this.log = log;
    this.idlePoll = idlePoll;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.senders = Executors.newFixedThreadPool(threads, r -> daemon(r, "govern-notify-send"));
    this.loop = daemon(this::run, "govern-notify");
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  public void start() {
    if (!sinks.isEmpty()) {
      loop.start();
    }
  }

  /** Something was published: look again now rather than at the next poll. */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  private void run() {
    while (running) {
      int n;
      try {
        n = runOnce();
      } catch (RuntimeException e) {
        log.line("notifications: " + e.getMessage());
        n = 0;
      }
      if (n == 0) {
        synchronized (signal) {
          if (!woken && running) {
            try {
              signal.wait(idlePoll.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
          woken = false;
        }
      }
    }
  }

  /** Claims and sends one batch of due deliveries; returns how many were tried. */
  public int runOnce() {
    List<Due> due = claim();
    List<Future<?>> sent = new ArrayList<>();
    for (Due d : due) {
      sent.add(senders.submit(() -> deliver(d)));
    }
    for (Future<?> f : sent) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return sent.size();
      } catch (java.util.concurrent.ExecutionException e) {
        log.line("notifications: " + e.getCause());
      }
    }
    return due.size();
  }

  private List<Due> claim() {
    Instant now = clock.instant();
    String nowText = Ledger.TIME.format(now);
    String until = Ledger.TIME.format(now.plus(LEASE));
    return tx.inTransaction(
        h -> {
          OutboxDao dao = new OutboxDao(h);
          List<Due> mine = new ArrayList<>();
          for (OutboxDao.Due d : dao.due(nowText, BATCH)) {
            if (dao.lease(d.eventId(), d.sink(), owner, until, nowText)) {
              mine.add(new Due(d.eventId(), d.sink(), d.attempts(), d.payload()));
            }
          }
          return mine;
        });
  }

  private void deliver(Due d) {
    Sink sink = sinks.get(d.sink());
    Instant started = clock.instant();
    Integer status = null;
    String error = null;
    if (sink == null) {
      error = "no sink named " + d.sink() + " is configured on this server";
    } else {
      try {
        HttpResponse<String> r =
            http.send(request(sink, d.payload()), HttpResponse.BodyHandlers.ofString());
        status = r.statusCode();
        if (status / 100 != 2) {
          String body = r.body() == null ? "" : r.body().strip();
          error = "HTTP " + status + (body.isEmpty() ? "" : ": " + clip(body));
        }
      } catch (java.io.IOException e) {
        error =
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error = "interrupted";
      }
    }
    record(d, started, status, error);
  }

  private void record(Due d, Instant started, Integer status, String error) {
    Instant end = clock.instant();
    int attempt = d.attempts() + 1;
    String endText = Ledger.TIME.format(end);
    tx.useTransaction(
        h -> {
          OutboxDao dao = new OutboxDao(h);
          dao.insertAttempt(
              d.eventId(),
              d.sink(),
              attempt,
              Ledger.TIME.format(started),
              status,
              error,
              Duration.between(started, end).toMillis());
          if (error == null) {
            dao.delivered(d.eventId(), d.sink(), attempt, endText);
          } else {
            dao.failed(
                d.eventId(),
                d.sink(),
                attempt,
                attempt >= backoff.maxAttempts(),
                Ledger.TIME.format(end.plus(backoff.delay(attempt))),
                error);
          }
        });
    if (error != null && attempt >= backoff.maxAttempts()) {
      log.line(
          "notification "
              + d.eventId()
              + " to "
              + d.sink()
              + " given up after "
              + attempt
              + " attempts: "
              + error);
    }
  }

  private HttpRequest request(Sink s, String eventJson) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder()
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json");
    byte[] body;
    switch (s.type()) {
      case WEBHOOK -> {
        body = Payloads.webhook(eventJson);
        long t = clock.instant().getEpochSecond();
        b.uri(s.url())
            .header("X-Govern-Signature", WebhookSignature.header(s.secret(), t, body))
            .header("X-Govern-Timestamp", Long.toString(t));
      }
      case SLACK -> {
        body = Payloads.slack(eventJson);
        b.uri(s.url());
      }
      default -> {
        body = Payloads.jira(eventJson, s);
        String base = s.url().toString().replaceAll("/+$", "");
        b.uri(java.net.URI.create(base + "/rest/api/2/issue"));
        if (s.secret() != null) {
          b.header(
              "Authorization",
              s.user() == null
                  ? "Bearer " + s.secret()
                  : "Basic "
                      + Base64.getEncoder()
                          .encodeToString(
                              (s.user() + ":" + s.secret()).getBytes(StandardCharsets.UTF_8)));
        }
      }
    }
    return b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  private static String clip(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }

  @Override
  public void close() {
    running = false;
    wake();
    senders.shutdownNow();
    try {
      loop.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
