package dev.govern.core.release;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.govern.core.GovernException;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The go.dev download index ({@code https://go.dev/dl/?mode=json&include=all}): every release with
 * its files and their SHA-256. Releases are kept newest first.
 */
public final class ReleaseIndex {
  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final List<Release> releases;

  private ReleaseIndex(List<Release> releases) {
    this.releases = releases;
  }

  /** An index of the given releases (any order). */
  public static ReleaseIndex of(List<Release> releases) {
    List<Release> sorted = new ArrayList<>(releases);
    sorted.sort(Comparator.comparing(Release::version).reversed());
    return new ReleaseIndex(List.copyOf(sorted));
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record RawRelease(String version, Boolean stable, List<ReleaseFile> files) {}

  /**
   * Parses the index JSON.
   *
   * @param source where it came from, named in errors
   * @throws GovernException (invalid input) when it is not a go.dev index
   */
  public static ReleaseIndex parse(byte[] json, String source) {
    RawRelease[] raw;
    try {
      raw = JSON.readValue(json, RawRelease[].class);
    } catch (IOException e) {
      throw GovernException.invalidInput(
          "not a Go download index: " + source + ": " + firstLine(e.getMessage()));
    }
    List<Release> out = new ArrayList<>();
    for (RawRelease r : raw) {
      if (r == null || r.version() == null) {
        throw GovernException.invalidInput("release without a version in " + source);
      }
      GoVersion v;
      try {
        v = GoVersion.parse(r.version());
      } catch (GovernException e) {
        continue; // a release name this version of govern cannot read: skip, do not fail
      }
      out.add(
          new Release(
              v, r.stable() != null && r.stable(), r.files() == null ? List.of() : r.files()));
    }
    return of(out);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Every release, newest first. */
  public List<Release> releases() {
    return releases;
  }

  public Optional<Release> find(GoVersion v) {
    return releases.stream().filter(r -> r.version().equals(v)).findFirst();
  }

  /** The newest release the spec admits (any platform), if any. */
  public Optional<Release> newest(ReleaseSpec spec) {
    return releases.stream().filter(spec::admits).findFirst();
  }

  /**
   * The archive to install for {@code spec} on {@code platform}.
   *
   * @throws GovernException (not found) naming the spec and the nearest existing versions, or the
   *     platforms the release exists for
   */
  public Resolved resolve(ReleaseSpec spec, Platform platform) {
    Release r =
        newest(spec)
            .orElseThrow(
                () ->
                    GovernException.notFound(
                        "no Go release matches " + spec.text() + nearestHint(spec),
                        "run 'govern list-remote --all' to see every release"));
    ReleaseFile f =
        r.archiveFor(platform)
            .orElseThrow(
                () ->
                    GovernException.notFound(
                        r.version()
                            + " has no archive for "
                            + platform
                            + " (it has: "
                            + String.join(
                                ", ", r.platforms().stream().map(Platform::toString).toList())
                            + ")",
                        "choose another platform with --os/--arch"));
    return new Resolved(r, f);
  }

  /** A release and the archive chosen for the platform. */
  public record Resolved(Release release, ReleaseFile file) {
    public GoVersion version() {
      return release.version();
    }
  }

  private String nearestHint(ReleaseSpec spec) {
    List<GoVersion> near = nearest(spec.version() == null ? null : spec.version(), 4);
    return near.isEmpty()
        ? " (the index is empty)"
        : "; nearest: " + String.join(", ", near.stream().map(GoVersion::toString).toList());
  }

  /** Up to {@code n} versions of the index closest in Go's order to {@code v}, newest first. */
  public List<GoVersion> nearest(GoVersion v, int n) {
    List<GoVersion> all = releases.stream().map(Release::version).toList(); // newest first
    if (v == null || all.isEmpty()) {
      return all.stream().limit(n).toList();
    }
    int at = 0;
    while (at < all.size() && all.get(at).compareTo(v) > 0) {
      at++;
    }
    int lo = Math.max(0, Math.min(at - n / 2, all.size() - n));
    return all.subList(lo, Math.min(all.size(), lo + n));
  }
}
