package dev.govern.server.api;

import dev.govern.core.GovernException;
import dev.govern.core.fleet.Condition;
import dev.govern.core.fleet.ScanDocument;
import dev.govern.core.version.GoVersion;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a pushed scan document field by field; the first bad field is a 400 naming it. Names and
 * identifiers have a syntax (a service name is a Go module path or a file name, never a path that
 * climbs with {@code ..}); free text (owners, evidence lines, problems) is stored as it came,
 * bounded in length.
 */
public final class ScanValidator {
  static final int MAX_SERVICES = 20_000;
  static final int MAX_TEXT = 4_000;
  static final int MAX_LIST = 1_000;

  private static final Pattern SCAN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern SERVICE =
      Pattern.compile("[A-Za-z0-9_.~+@:-][A-Za-z0-9_.~+@:/-]{0,299}");
  private static final Pattern ADVISORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}");
  private static final Set<String> CLASSES = Set.of("red", "yellow", "green");

  private ScanValidator() {}

  public static String scanId(String id) {
    if (id == null || !SCAN_ID.matcher(id).matches()) {
      throw FieldException.bad(
          "scanId", "not a scan id: \"" + clip(id) + "\" (letters, digits, . _ -, at most 64)");
    }
    return id;
  }

  /** The scan's time, normalized; throws naming the first bad field. */
  public static Instant check(ScanDocument d) {
    if (d.schemaVersion() != 1) {
      throw FieldException.bad("schemaVersion", "expected 1, found " + d.schemaVersion());
    }
    Instant at;
    try {
      at = Instant.parse(required("scannedAt", d.scannedAt()));
    } catch (DateTimeParseException e) {
      throw FieldException.bad(
          "scannedAt", "not an RFC 3339 UTC time: \"" + clip(d.scannedAt()) + "\"");
    }
    if (d.services() == null) {
      throw FieldException.bad("services", "missing");
    }
    if (d.services().size() > MAX_SERVICES) {
      throw FieldException.bad("services", "more than " + MAX_SERVICES + " services");
    }
    texts("roots", d.roots());
    texts("problems", d.problems());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < d.services().size(); i++) {
      String f = "services[" + i + "]";
      ScanDocument.Row r = d.services().get(i);
      if (r == null) {
        throw FieldException.bad(f, "null");
      }
      serviceName(f + ".name", r.name());
      if (!seen.add(r.name())) {
        throw FieldException.bad(f + ".name", "\"" + r.name() + "\" appears twice in this scan");
      }
      text(f + ".root", r.root());
      text(f + ".owner", r.owner());
      if (!CLASSES.contains(required(f + ".riskClass", r.riskClass()))) {
        throw FieldException.bad(
            f + ".riskClass",
            "expected red, yellow or green, found \"" + clip(r.riskClass()) + "\"");
      }
      List<String> because = r.because() == null ? List.of() : r.because();
      for (int j = 0; j < because.size(); j++) {
        if (because.get(j) == null || Condition.ofWord(because.get(j)).isEmpty()) {
          throw FieldException.bad(
              f + ".because[" + j + "]", "not a class condition: \"" + clip(because.get(j)) + "\"");
        }
      }
      goVersion(f + ".go", r.go());
      goVersion(f + ".fix", r.fix());
      text(f + ".goFrom", r.goFrom());
      advisories(f + ".stdlib", r.stdlib());
      advisories(f + ".toolchain", r.toolchain());
      advisories(f + ".modules", r.modules());
      List<ScanDocument.Evidence> ev = r.evidence() == null ? List.of() : r.evidence();
      if (ev.size() > MAX_LIST) {
        throw FieldException.bad(f + ".evidence", "more than " + MAX_LIST + " items");
      }
      for (int j = 0; j < ev.size(); j++) {
        ScanDocument.Evidence e = ev.get(j);
        String g = f + ".evidence[" + j + "]";
        if (e == null) {
          throw FieldException.bad(g, "null");
        }
        text(g + ".kind", required(g + ".kind", e.kind()));
        text(g + ".file", e.file());
        text(g + ".text", e.text());
        text(g + ".version", e.version());
      }
    }
    return at;
  }

  private static void goVersion(String field, String version) {
    if (version != null) {
      try {
        GoVersion.parse(version);
      } catch (GovernException | IllegalArgumentException e) {
        throw FieldException.bad(field, "not a Go version: \"" + clip(version) + "\"");
      }
    }
  }

  /** A service name: a module path or file name; no {@code ..} segment, no leading slash. */
  static void serviceName(String field, String name) {
    required(field, name);
    if (!SERVICE.matcher(name).matches()) {
      throw FieldException.bad(
          field,
          "not a service name: \""
              + clip(name)
              + "\" (a Go module path: letters, digits and _ . ~ + @ : / -)");
    }
    for (String seg : name.split("/", -1)) {
      if (seg.equals("..") || seg.equals(".") || seg.isEmpty()) {
        throw FieldException.bad(
            field, "not a service name: \"" + clip(name) + "\" (empty, . or .. path segment)");
      }
    }
  }

  private static void advisories(String field, List<String> ids) {
    if (ids == null) {
      return;
    }
    if (ids.size() > MAX_LIST) {
      throw FieldException.bad(field, "more than " + MAX_LIST + " items");
    }
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (id == null || !ADVISORY.matcher(id).matches()) {
        throw FieldException.bad(field + "[" + i + "]", "not an advisory id: \"" + clip(id) + "\"");
      }
    }
  }

  private static void texts(String field, List<String> values) {
    if (values == null) {
      return;
    }
    if (values.size() > MAX_LIST) {
      throw FieldException.bad(field, "more than " + MAX_LIST + " items");
    }
    for (int i = 0; i < values.size(); i++) {
      text(field + "[" + i + "]", required(field + "[" + i + "]", values.get(i)));
    }
  }

  static void text(String field, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      throw FieldException.bad(field, "longer than " + MAX_TEXT + " characters");
    }
    if (value != null && value.indexOf('\0') >= 0) {
      throw FieldException.bad(field, "contains a NUL character");
    }
  }

  static String required(String field, String value) {
    if (value == null) {
      throw FieldException.bad(field, "missing");
    }
    return value;
  }

  static String clip(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replaceAll("\\p{Cntrl}", "?");
    return one.length() <= 60 ? one : one.substring(0, 60) + "…";
  }
}
