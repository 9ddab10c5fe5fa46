package dev.govern.core.version;

import dev.govern.core.GovernException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of Go versions, as written in policy files.
 *
 * <p>Grammar: a union of clauses separated by {@code ||}; a clause is either a hyphen range {@code
 * A - B} (inclusive), or one or more space-separated terms that must all hold. A term is a
 * comparison ({@code >=1.21.4}, {@code >1.21}, {@code <=1.22.3}, {@code <1.19}, {@code =1.22.4},
 * {@code !=1.22.0}), a line ({@code 1.22}, {@code 1.20.x}, meaning every version of that line,
 * prereleases included), an exact version ({@code 1.22.4}) or {@code *}.
 *
 * <p>A bound written without a patch number ({@code 1.19}) stands for the whole line: {@code <1.19}
 * is everything older than the 1.19 line, {@code >=1.19} includes 1.19rc1, {@code 1.21.0 - 1.22}
 * includes every 1.22 patch. Toolchain suffixes are ignored when matching.
 */
public final class VersionRange {

  private static final Pattern TERM =
      Pattern.compile("(>=|<=|!=|==|=|>|<)?\\s*(go)?(\\d+)\\.(\\d+)(?:\\.(x|\\*|\\d+))?(.*)");

  private final String text;
  private final List<List<Term>> clauses;

  private VersionRange(String text, List<List<Term>> clauses) {
    this.text = text;
    this.clauses = clauses;
  }

  /** Every version. */
  public static VersionRange any() {
    return parse("*");
  }

  /**
   * Parses a range.
   *
   * @throws GovernException naming the range and the part that is wrong
   */
  public static VersionRange parse(String text) {
    if (text == null || text.isBlank()) {
      throw GovernException.invalidInput("empty version range");
    }
    List<List<Term>> clauses = new ArrayList<>();
    for (String rawClause : text.split("\\|\\|", -1)) {
      String clause = rawClause.strip();
      if (clause.isEmpty()) {
        throw bad(text, "empty alternative around '||'");
      }
      clauses.add(parseClause(text, clause));
    }
    return new VersionRange(text.strip(), List.copyOf(clauses));
  }

  private static List<Term> parseClause(String whole, String clause) {
    String[] hyphen = clause.split("\\s+-\\s+", -1);
    if (hyphen.length == 2) {
      Bound lo = parseBound(whole, hyphen[0].strip());
      Bound hi = parseBound(whole, hyphen[1].strip());
      return List.of(new Term(Op.GE, lo), new Term(Op.LE, hi));
    }
    if (hyphen.length > 2) {
      throw bad(whole, "a hyphen range has exactly two ends: \"" + clause + "\"");
    }
    List<Term> terms = new ArrayList<>();
    // allow ">= 1.21" by gluing operators to the following word
    String[] words = clause.replaceAll("(>=|<=|!=|==|=|>|<)\\s+", "$1").split("\\s+");
    for (String word : words) {
      if (word.equals("*") || word.equalsIgnoreCase("x")) {
        terms.add(new Term(Op.ANY, null));
        continue;
      }
      Matcher m = TERM.matcher(word);
      if (!m.matches() || !m.group(6).isEmpty()) {
        throw bad(whole, "cannot read \"" + word + "\"");
      }
      String op = m.group(1);
      Bound bound = parseBound(whole, word.substring(op == null ? 0 : op.length()));
      if (op == null || op.equals("=") || op.equals("==")) {
        terms.add(new Term(Op.EQ, bound));
      } else {
        terms.add(new Term(Op.of(op), bound));
      }
    }
    return List.copyOf(terms);
  }

  private static Bound parseBound(String whole, String word) {
    String w = word.startsWith("go") ? word.substring(2) : word;
    if (w.endsWith(".x") || w.endsWith(".*")) {
      w = w.substring(0, w.length() - 2);
      if (w.chars().filter(c -> c == '.').count() != 1) {
        throw bad(whole, "a wildcard names a line, as in 1.20.x: \"" + word + "\"");
      }
    }
    GoVersion v;
    try {
      v = GoVersion.parse(w);
    } catch (GovernException e) {
      throw bad(whole, "\"" + word + "\" is not a Go version");
    }
    boolean line = w.chars().filter(c -> c == '.').count() == 1 && !v.isPrerelease();
    return new Bound(v.withoutSuffix(), line);
  }

  private static GovernException bad(String whole, String why) {
    return GovernException.invalidInput("bad version range \"" + whole + "\": " + why);
  }

  /** Whether {@code v} is in this range. */
  public boolean contains(GoVersion v) {
    GoVersion plain = v.withoutSuffix();
    for (List<Term> clause : clauses) {
      if (clause.stream().allMatch(t -> t.test(plain))) {
        return true;
      }
    }
    return false;
  }

  /** The range as written (trimmed). */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionRange r && r.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  private enum Op {
    ANY,
    EQ,
    NE,
    GT,
    GE,
    LT,
    LE;

    static Op of(String s) {
      return switch (s) {
        case ">=" -> GE;
        case "<=" -> LE;
        case ">" -> GT;
        case "<" -> LT;
        case "!=" -> NE;
        default -> EQ;
      };
    }
  }

  /** A bound: either one version, or (line == true) the whole line of {@code version}. */
  private record Bound(GoVersion version, boolean line) {
    /** Compares v with the bound: for a line, negative below the line, 0 inside, positive above. */
    int compare(GoVersion v) {
      if (!line) {
        return v.compareTo(version);
      }
      int c = Integer.compare(v.major(), version.major());
      return c != 0 ? c : Integer.compare(v.minor(), version.minor());
    }
  }

  private record Term(Op op, Bound bound) {
    boolean test(GoVersion v) {
      if (op == Op.ANY) {
        return true;
      }
      int c = bound.compare(v);
      return switch (op) {
        case EQ -> c == 0;
        case NE -> c != 0;
        case GT -> c > 0;
        case GE -> c >= 0;
        case LT -> c < 0;
        case LE -> c <= 0;
        case ANY -> true;
      };
    }
  }
}
