package dev.govern.core.artifact.binary;

import dev.govern.core.GovernException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads many binaries on a bounded thread pool and hands the outcomes back in the order the files
 * were given, on the calling thread.
 */
public final class BinaryScan {
  private BinaryScan() {}

  /**
   * What happened to one file.
   *
   * @param entry the file
   * @param value the work's result, or {@code null}
   * @param failure why it could not be read, or {@code null}
   */
  public record Outcome<T>(ExecutableWalk.Entry entry, T value, GovernException failure) {}

  /** The number of threads a scan uses: one per processor. */
  public static int defaultThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Opens each candidate, applies {@code work} and passes the outcome to {@code sink} in input
   * order. Entries already skipped by the walk are passed through without being read.
   */
  public static <T> void run(
      List<ExecutableWalk.Entry> entries,
      int threads,
      Function<GoBinary, T> work,
      Consumer<Outcome<T>> sink) {
    run(each -> entries.forEach(each), threads, work, sink);
  }

  /**
   * Like {@link #run(List, int, Function, Consumer)} for entries produced while the scan runs (a
   * directory walk): the producer runs on its own thread, files are read as soon as they are found,
   * and outcomes still reach {@code sink} in the order they were produced.
   */
  public static <T> void run(
      Consumer<Consumer<ExecutableWalk.Entry>> producer,
      int threads,
      Function<GoBinary, T> work,
      Consumer<Outcome<T>> sink) {
    if (threads <= 1) {
      producer.accept(e -> sink.accept(one(e, work)));
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, BinaryScan::daemon);
    BlockingQueue<Future<Outcome<T>>> queue = new LinkedBlockingQueue<>();
    Future<Outcome<T>> end = new CompletableFuture<>();
    RuntimeException[] producerFailure = new RuntimeException[1];
    Thread walker =
        daemon(
            () -> {
              try {
                producer.accept(e -> queue.add(pool.submit(() -> one(e, work))));
              } catch (RuntimeException ex) {
                producerFailure[0] = ex;
              } finally {
                queue.add(end);
              }
            });
    walker.start();
    try {
      while (true) {
        Future<Outcome<T>> f = queue.take();
        if (f == end) {
          break;
        }
        sink.accept(f.get());
      }
      walker.join();
      if (producerFailure[0] != null) {
        throw producerFailure[0];
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw GovernException.runtime("scan interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "govern-scan");
    t.setDaemon(true);
    return t;
  }

  private static <T> Outcome<T> one(ExecutableWalk.Entry e, Function<GoBinary, T> work) {
    if (!e.candidate()) {
      return new Outcome<>(e, null, null);
    }
    try (GoBinary b = GoBinary.open(e.path(), e.name())) {
      return new Outcome<>(e, work.apply(b), null);
    } catch (GovernException g) {
      return new Outcome<>(e, null, g);
    } catch (java.io.UncheckedIOException io) {
      return new Outcome<>(
          e, null, GovernException.runtime(e.name() + ": " + io.getCause().getMessage(), io));
    }
  }
}
