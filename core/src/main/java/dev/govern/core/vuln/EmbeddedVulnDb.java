package dev.govern.core.vuln;

import dev.govern.core.GovernException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;

/**
 * The snapshot of the Go vulnerability database govern carries for offline use: the repository's
 * {@code testdata/vulndb/osv.tar.gz} and its {@code osv.properties}, copied into the jar at build
 * time. The data are the Go Authors' (CC-BY-4.0); the properties name the source and the date.
 *
 * @param snapshot the day the snapshot was taken
 * @param source where the entries come from
 * @param license the data's license
 * @param resource the tarball inside the jar
 * @param size its size in bytes (part of the parsed-snapshot key)
 */
public record EmbeddedVulnDb(
    LocalDate snapshot, String source, String license, URL resource, long size) {
  private static final String DIR = "embedded/";

  /** The database built into this govern, if the build carried one. */
  public static Optional<EmbeddedVulnDb> builtIn() {
    URL props = EmbeddedVulnDb.class.getResource(DIR + "osv.properties");
    URL tar = EmbeddedVulnDb.class.getResource(DIR + "osv.tar.gz");
    if (props == null || tar == null) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = props.openStream()) {
      p.load(in);
      long size = tar.openConnection().getContentLengthLong();
      return Optional.of(
          new EmbeddedVulnDb(
              LocalDate.parse(p.getProperty("snapshot", "")),
              p.getProperty("source", "golang/vulndb"),
              p.getProperty("license", "CC-BY-4.0"),
              tar,
              size));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedded vulnerability database", e);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("the embedded osv.properties has no valid snapshot date", e);
    }
  }

  /** How govern names this source in output: {@code embedded (2026-08-21)}. */
  public String label() {
    return "embedded (" + snapshot + ")";
  }

  /** Whole days from the snapshot to {@code today}. */
  public long ageDays(LocalDate today) {
    return Math.max(0, ChronoUnit.DAYS.between(snapshot, today));
  }

  /** {@code the embedded database of 2026-08-21 (106 days old)}. */
  public String describe(LocalDate today) {
    long d = ageDays(today);
    return "the embedded database of "
        + snapshot
        + " ("
        + d
        + (d == 1 ? " day" : " days")
        + " old)";
  }

  /** Reads and parses the tarball (callers keep the result: {@link VulnDbSnapshots}). */
  VulnDatabase read() {
    try (InputStream in = resource.openStream()) {
      VulnDatabase db = LocalVulnDbReader.readTarGz(in, label());
      // the repository snapshot stamps no times: the snapshot day is the database's time
      return db.modified().isPresent()
          ? db
          : VulnDatabase.of(
              db.entries(), Optional.of(snapshot.atStartOfDay().toInstant(ZoneOffset.UTC)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedded vulnerability database", e);
    } catch (GovernException e) {
      throw new IllegalStateException("the embedded vulnerability database is damaged", e);
    }
  }
}
