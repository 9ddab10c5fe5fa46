package dev.govern.core.module;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The facts encoded in a Go pseudo-version, which names an untagged commit. Go writes five forms:
 *
 * <ol>
 *   <li>{@code vX.0.0-yyyymmddhhmmss-abcdef123456} (no earlier tag)
 *   <li>{@code vX.Y.(Z+1)-0.yyyymmddhhmmss-abcdef123456} (after tag vX.Y.Z)
 *   <li>form 2 with {@code +incompatible} (or other build metadata, which canonical go.mod versions
 *       drop)
 *   <li>{@code vX.Y.Z-pre.0.yyyymmddhhmmss-abcdef123456} (after prerelease tag vX.Y.Z-pre)
 *   <li>form 4 with {@code +incompatible} (or other build metadata)
 * </ol>
 *
 * @param version the pseudo-version text
 * @param form 1 to 5 as listed above
 * @param base the tag the pseudo-version builds on ({@code v1.2.3}, {@code v1.3.0-rc.1}, {@code
 *     v2.0.0+incompatible}); {@code null} for form 1 and when the base cannot exist (a {@code -0}
 *     prerelease on a zero patch, or form 1 with build metadata)
 * @param timestamp the 14-digit UTC commit time as written ({@code 20230102030405})
 * @param time the commit time, or {@code null} when the timestamp is not a valid date
 * @param revision the revision identifier (usually a 12-character commit hash prefix)
 * @param zero whether this is the placeholder {@code vX.0.0-00010101000000-000000000000}
 */
public record PseudoVersion(
    String version,
    int form,
    String base,
    String timestamp,
    Instant time,
    String revision,
    boolean zero) {

  private static final Pattern SHAPE =
      Pattern.compile(
          "v[0-9]+\\.(?:0\\.0-|[0-9]+\\.[0-9]+-(?:[^+]*\\.)?0\\.)[0-9]{14}-[A-Za-z0-9]+"
              + "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

  /** Go's {@code module.IsPseudoVersion}. */
  public static boolean isPseudoVersion(String v) {
    return v != null
        && v.chars().filter(c -> c == '-').count() >= 2
        && ModuleVersion.isValid(v)
        && SHAPE.matcher(v).matches();
  }

  /** The facts of {@code v}, or empty when it is not a pseudo-version. */
  public static Optional<PseudoVersion> parse(String v) {
    if (!isPseudoVersion(v)) {
      return Optional.empty();
    }
    ModuleVersion parsed = ModuleVersion.parse(v);
    String build = parsed.build();
    String rest = v.substring(0, v.length() - build.length());
    int lastDash = rest.lastIndexOf('-');
    String revision = rest.substring(lastDash + 1);
    rest = rest.substring(0, lastDash);
    int dash = rest.lastIndexOf('-');
    int dot = rest.lastIndexOf('.');
    String baseText;
    String timestamp;
    if (dot > dash) {
      baseText = rest.substring(0, dot); // vX.Y.Z-pre.0 or vX.Y.(Z+1)-0
      timestamp = rest.substring(dot + 1);
    } else {
      baseText = rest.substring(0, dash); // vX.0.0
      timestamp = rest.substring(dash + 1);
    }
    String prerelease = ModuleVersion.parse(baseText).prerelease();
    int form;
    String base;
    if (prerelease.isEmpty()) {
      form = 1;
      base = null;
    } else if (prerelease.equals("-0")) {
      form = build.isEmpty() ? 2 : 3;
      String release = baseText.substring(0, baseText.length() - 2);
      int i = release.lastIndexOf('.');
      String patch = decrement(release.substring(i + 1));
      base = patch == null ? null : release.substring(0, i + 1) + patch + build;
    } else {
      form = build.isEmpty() ? 4 : 5;
      base = baseText.substring(0, baseText.length() - 2) + build;
    }
    boolean zero =
        form == 1
            && build.isEmpty()
            && timestamp.equals("00010101000000")
            && revision.equals("000000000000")
            && parsed.minor().equals("0")
            && parsed.patch().equals("0");
    return Optional.of(
        new PseudoVersion(v, form, base, timestamp, parseTime(timestamp), revision, zero));
  }

  /**
   * Whether Go can name the base ({@code module.PseudoVersionBase} succeeds): always for forms 4
   * and 5; for forms 2 and 3 unless the patch is already zero; for form 1 (which has no base)
   * unless build metadata is present, which Go calls nonsensical.
   */
  public boolean hasValidBase() {
    return switch (form) {
      case 1 -> ModuleVersion.parse(version).build().isEmpty();
      case 2, 3 -> base != null;
      default -> true;
    };
  }

  /** Whether this pseudo-version carries {@code +incompatible} (forms 3 and 5). */
  public boolean incompatible() {
    return version.endsWith(ModuleVersion.INCOMPATIBLE);
  }

  private static Instant parseTime(String stamp) {
    try {
      return LocalDateTime.parse(stamp, STAMP).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal minus one, or {@code null} when it is zero. */
  private static String decrement(String decimal) {
    char[] digits = decimal.toCharArray();
    int i = digits.length - 1;
    while (i >= 0 && digits[i] == '0') {
      digits[i] = '9';
      i--;
    }
    if (i < 0) {
      return null;
    }
    if (i == 0 && digits[0] == '1' && digits.length > 1) {
      return new String(digits, 1, digits.length - 1);
    }
    digits[i]--;
    return new String(digits);
  }
}
