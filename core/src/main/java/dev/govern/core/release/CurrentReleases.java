package dev.govern.core.release;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.io.AtomicFiles;
import dev.govern.core.net.FetchFailure;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The release history as of a day: the table govern carries, plus, for a day after the table was
 * taken, the stable releases of the download index that the table does not have (so the facts never
 * silently stop at the build date). The index is used from the cache when fresh, fetched otherwise
 * ({@link ReleaseIndexLoader}); when it cannot be had, the carried table is used with one warning
 * line naming its date and age.
 *
 * <p>The download index has no release dates. A release it adds is dated by the day govern first
 * saw it in the index, kept in {@code release-first-seen.csv} beside the cached index, so that the
 * date does not move with every fetch; its security flag is unknown (counted as no).
 */
public final class CurrentReleases {
  /** The file of first-seen dates in the cache folder. */
  static final String FIRST_SEEN = "release-first-seen.csv";

  private final ReleaseIndexLoader loader;
  private final Path cacheDir;
  private final Clock clock;

  public CurrentReleases(ReleaseIndexLoader loader, Path cacheDir, Clock clock) {
    this.loader = loader;
    this.cacheDir = cacheDir;
    this.clock = clock;
  }

  /**
   * The history and what was added to it.
   *
   * @param history the carried table with the added releases
   * @param added releases from the download index, dated when first seen
   * @param index where they came from (empty when the index was not used)
   * @param warnings what the user must be told
   */
  public record Loaded(
      ReleaseHistory history,
      List<ReleaseFact> added,
      Optional<String> index,
      List<String> warnings) {
    public Loaded {
      added = List.copyOf(added);
      warnings = List.copyOf(warnings);
    }
  }

  /** The history for questions about {@code day}. */
  public Loaded load(
      ReleaseHistory carried, LocalDate carriedAsOf, LocalDate day, ReleaseSources sources) {
    if (!day.isAfter(carriedAsOf)) {
      return new Loaded(carried, List.of(), Optional.empty(), List.of());
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    long age = Math.max(0, ChronoUnit.DAYS.between(carriedAsOf, today));
    String table =
        "the carried release table of "
            + carriedAsOf
            + " ("
            + age
            + (age == 1 ? " day" : " days")
            + " old)";
    ReleaseIndexLoader.Loaded index;
    try {
      index = loader.load(sources);
    } catch (GovernException e) {
      if (e.code() == ErrorCode.PRECONDITION) { // offline, nothing cached
        return new Loaded(
            carried,
            List.of(),
            Optional.empty(),
            List.of("no cached download index (offline); using " + table));
      }
      if (e.code() != ErrorCode.NETWORK && e.code() != ErrorCode.NOT_FOUND) {
        throw e;
      }
      return new Loaded(
          carried,
          List.of(),
          Optional.empty(),
          List.of(
              "cannot reach "
                  + sources.index()
                  + " ("
                  + FetchFailure.reason(e)
                  + "); using "
                  + table
                  + "; --mirror BASE or --offline to choose"));
    }
    LocalDate seenOn = LocalDate.ofInstant(index.fetched(), ZoneOffset.UTC);
    Map<GoVersion, LocalDate> firstSeen = readFirstSeen();
    boolean changed = false;
    List<ReleaseFact> added = new ArrayList<>();
    for (Release r : index.index().releases()) {
      GoVersion v = r.version().withoutSuffix();
      if (!r.stable() || !v.isRelease() || carried.find(v).isPresent()) {
        continue;
      }
      LocalDate date = firstSeen.get(v);
      if (date == null) {
        date = seenOn;
        firstSeen.put(v, date);
        changed = true;
      }
      added.add(new ReleaseFact(v, Optional.of(date), false));
    }
    if (changed) {
      writeFirstSeen(firstSeen);
    }
    added.sort(java.util.Comparator.comparing(ReleaseFact::version));
    return new Loaded(carried.merge(added), added, Optional.of(index.source()), index.warnings());
  }

  private Map<GoVersion, LocalDate> readFirstSeen() {
    Map<GoVersion, LocalDate> out = new TreeMap<>();
    Path f = cacheDir.resolve(FIRST_SEEN);
    if (!Files.isRegularFile(f)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(f)) {
        String[] p = line.split(",", -1);
        if (p.length == 2) {
          try {
            out.put(GoVersion.parse(p[0]), LocalDate.parse(p[1]));
          } catch (GovernException | DateTimeParseException damaged) {
            // a damaged line is dropped; the version is dated again when next seen
          }
        }
      }
    } catch (IOException e) {
      return out; // an unreadable file is rewritten
    }
    return out;
  }

  private void writeFirstSeen(Map<GoVersion, LocalDate> seen) {
    StringBuilder b = new StringBuilder();
    seen.forEach((v, d) -> b.append(v).append(',').append(d).append('\n'));
    try {
      AtomicFiles.writeString(cacheDir.resolve(FIRST_SEEN), b.toString());
    } catch (UncheckedIOException notWritable) {
      // a read-only cache: the dates are recomputed next time
    }
  }
}
