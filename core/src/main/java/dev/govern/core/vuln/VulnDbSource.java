package dev.govern.core.vuln;

import dev.govern.core.GovernException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a vulnerability database comes from, as the user named it ({@code --vulndb}).
 *
 * @param text the source as given
 * @param kind the kind of source
 * @param uri the URL of a remote source, else null
 * @param path the local directory or zip, else null
 */
public record VulnDbSource(String text, Kind kind, URI uri, Path path) {
  /** The default: the Go vulnerability database. */
  public static final String DEFAULT = "https://vuln.go.dev";

  /** The word that names the snapshot carried in govern ({@link EmbeddedVulnDb}). */
  public static final String EMBEDDED = "embedded";

  /** The kinds of source govern reads. */
  public enum Kind {
    /** An http(s) server in vuln.go.dev layout ({@code index/db.json}, {@code ID/<id>.json}). */
    REMOTE,
    /** A local directory in vuln.go.dev layout. */
    LAYOUT_DIRECTORY,
    /** A local directory of plain OSV files ({@code GO-*.json}). */
    OSV_DIRECTORY,
    /** A zip of OSV files (plain or in vuln.go.dev layout). */
    ZIP,
    /** A gzipped tar of OSV files ({@code .tar.gz}, {@code .tgz}). */
    TARBALL,
    /** The snapshot carried in govern itself ({@code --vulndb embedded}). */
    EMBEDDED
  }

  /** Classifies a URL, a {@code file:} URL, a directory or a zip file. */
  public static VulnDbSource of(String text) {
    if (text == null || text.isBlank()) {
      text = DEFAULT;
    }
    if (text.equals(EMBEDDED)) {
      return new VulnDbSource(text, Kind.EMBEDDED, null, null);
    }
    if (text.matches("(?i)https?://.*")) {
      return new VulnDbSource(text, Kind.REMOTE, URI.create(text), null);
    }
    Path p =
        text.regionMatches(true, 0, "file:", 0, 5)
            ? Path.of(URI.create(text))
            : Path.of(text).toAbsolutePath();
    if (Files.isDirectory(p)) {
      boolean layout =
          Files.isRegularFile(p.resolve("index/db.json"))
              || Files.isRegularFile(p.resolve("index/db.json.gz"));
      return new VulnDbSource(text, layout ? Kind.LAYOUT_DIRECTORY : Kind.OSV_DIRECTORY, null, p);
    }
    if (Files.isRegularFile(p)) {
      String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
        return new VulnDbSource(text, Kind.TARBALL, null, p);
      }
      if (!name.endsWith(".zip")) {
        throw GovernException.usage(
            "vulnerability database " + text + " is a file but not a .zip or .tar.gz");
      }
      return new VulnDbSource(text, Kind.ZIP, null, p);
    }
    throw GovernException.notFound(
        "vulnerability database not found: " + text,
        "give a URL in vuln.go.dev layout, a directory of OSV files, a .zip or .tar.gz, or \"embedded\" (--vulndb or GOVERN_VULNDB)");
  }
}
