package dev.govern.core.toolchain;

import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;
import dev.govern.core.io.FileLocks;
import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.ChangeRecorder;
import dev.govern.core.ledger.Evidence;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Switches the global default: {@code state.json} first (the record of truth, with history), then
 * the {@code default} link the shims follow (one rename). A change that cannot be recorded is
 * undone, so the machine never runs a default the ledger does not know about.
 */
public final class Defaults {
  private final GovernHome home;
  private final StateFile stateFile;
  private final ChangeRecorder recorder;
  private final Clock clock;

  public Defaults(GovernHome home, ChangeRecorder recorder, Clock clock) {
    this.home = home;
    this.stateFile = new StateFile(home);
    this.recorder = recorder;
    this.clock = clock;
  }

  /** What {@link #restore} puts back: the state file bytes and the link target. */
  public record Snapshot(byte[] state, Optional<String> link) {}

  public GovernState state() {
    return stateFile.read();
  }

  /** The current default name, from {@code state.json}. */
  public Optional<String> current() {
    return state().defaultName();
  }

  public Snapshot snapshot() {
    return new Snapshot(stateFile.readBytes(), DefaultLink.read(home));
  }

  public void restore(Snapshot s) {
    stateFile.restore(s.state());
    if (s.link().isPresent()) {
      DefaultLink.write(home, s.link().get());
    } else {
      DefaultLink.remove(home);
    }
  }

  /**
   * Makes installed toolchain {@code name} the default and records it as {@code action} ({@code
   * use-default} or {@code rollback}); returns the previous default, if any.
   */
  public Optional<String> switchTo(
      String name, String reason, String action, String subject, Evidence evidence) {
    requireInstalled(name);
    FileLocks.Held lock = StateLock.acquire(home);
    try {
      Snapshot before = snapshot();
      Optional<String> from = current();
      apply(name, reason, action);
      try {
        recorder.record(new Change(action, subject, from.orElse(null), name, reason, evidence));
      } catch (RuntimeException e) {
        restore(before);
        throw e;
      }
      return from;
    } finally {
      lock.close();
    }
  }

  /** Writes the new default without recording it (the caller records after verifying). */
  public void apply(String name, String reason, String action) {
    String time = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    GovernState next =
        state().switchedTo(new GovernState.HistoryEntry(name, time, reason, historyAction(action)));
    stateFile.write(next);
    DefaultLink.write(home, name);
  }

  private static String historyAction(String action) {
    return action.equals("use-default") ? "use" : action;
  }

  public void requireInstalled(String name) {
    if (!java.nio.file.Files.isDirectory(home.toolchain(name))) {
      throw GovernException.precondition(
          name + " is not installed", "run: govern install " + name.substring(2));
    }
  }
}
