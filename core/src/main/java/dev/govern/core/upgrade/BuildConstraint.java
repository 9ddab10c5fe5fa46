package dev.govern.core.upgrade;

import dev.govern.core.GovernException;
import java.util.ArrayList;
import java.util.List;

/**
 * A build constraint expression ({@code //go:build linux && !cgo}, or the old {@code // +build
 * linux,!cgo darwin} form), parsed once and evaluated for any {@link BuildContext}.
 */
public sealed interface BuildConstraint {
  /** The longest expression read: real constraints are short; this bounds crafted input. */
  int MAX_LENGTH = 4096;

  boolean eval(BuildContext ctx);

  /** A tag. */
  record Tag(String name) implements BuildConstraint {
    @Override
    public boolean eval(BuildContext ctx) {
      return ctx.tag(name);
    }
  }

  /** {@code !x}. */
  record Not(BuildConstraint x) implements BuildConstraint {
    @Override
    public boolean eval(BuildContext ctx) {
      return !x.eval(ctx);
    }
  }

  /** {@code x && y}. */
  record And(BuildConstraint x, BuildConstraint y) implements BuildConstraint {
    @Override
    public boolean eval(BuildContext ctx) {
      return x.eval(ctx) && y.eval(ctx);
    }
  }

  /** {@code x || y}. */
  record Or(BuildConstraint x, BuildConstraint y) implements BuildConstraint {
    @Override
    public boolean eval(BuildContext ctx) {
      return x.eval(ctx) || y.eval(ctx);
    }
  }

  /** No constraint: always built. */
  record Always() implements BuildConstraint {
    @Override
    public boolean eval(BuildContext ctx) {
      return true;
    }
  }

  /** Always true (no constraint). */
  BuildConstraint ALWAYS = new Always();

  /** Whether the line is a {@code //go:build} line (Go's isGoBuildComment). */
  static boolean isGoBuild(String line) {
    if (!line.startsWith("//go:build")) {
      return false;
    }
    String rest = line.substring("//go:build".length());
    return rest.isEmpty() || rest.charAt(0) == ' ' || rest.charAt(0) == '\t';
  }

  /** Whether the line is a {@code // +build} line. */
  static boolean isPlusBuild(String line) {
    if (!line.startsWith("//")) {
      return false;
    }
    String rest = line.substring(2).strip();
    return rest.equals("+build") || rest.startsWith("+build ") || rest.startsWith("+build\t");
  }

  /** Parses a {@code //go:build} line; a bad expression is an INVALID_INPUT error. */
  static BuildConstraint parseGoBuild(String line) {
    String expr = line.substring("//go:build".length()).strip();
    if (expr.length() > MAX_LENGTH) {
      throw GovernException.invalidInput("//go:build line too long");
    }
    GoBuildParser p = new GoBuildParser(expr);
    BuildConstraint x = p.or();
    p.skipSpace();
    if (p.pos < expr.length()) {
      throw GovernException.invalidInput(
          "parsing //go:build line: unexpected " + expr.charAt(p.pos));
    }
    return x;
  }

  /** Parses a {@code // +build} line: space-separated options (or), each comma-joined (and). */
  static BuildConstraint parsePlusBuild(String line) {
    String rest = line.substring(2).strip().substring("+build".length()).strip();
    BuildConstraint any = null;
    for (String option : rest.split("[ \t]+")) {
      if (option.isEmpty()) {
        continue;
      }
      BuildConstraint all = null;
      for (String lit : option.split(",", -1)) {
        boolean not = lit.startsWith("!");
        String name = not ? lit.substring(1) : lit;
        if (!validTag(name)) {
          throw GovernException.invalidInput("bad +build tag \"" + lit + "\"");
        }
        BuildConstraint t = not ? new Not(new Tag(name)) : new Tag(name);
        all = all == null ? t : new And(all, t);
      }
      any = any == null ? all : new Or(any, all);
    }
    return any == null ? ALWAYS : any;
  }

  private static boolean validTag(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** Recursive descent over {@code ||}, {@code &&}, {@code !}, parentheses and tags. */
  final class GoBuildParser {
    private static final int MAX_DEPTH = 100;
    private final String s;
    int pos;
    private int depth;

    GoBuildParser(String s) {
      this.s = s;
    }

    BuildConstraint or() {
      BuildConstraint x = and();
      while (consume("||")) {
        x = new Or(x, and());
      }
      return x;
    }

    private BuildConstraint and() {
      BuildConstraint x = not();
      while (consume("&&")) {
        x = new And(x, not());
      }
      return x;
    }

    private BuildConstraint not() {
      if (++depth > MAX_DEPTH) {
        throw GovernException.invalidInput("parsing //go:build line: expression too deep");
      }
      try {
        if (consume("!")) {
          return new Not(not());
        }
        return atom();
      } finally {
        depth--;
      }
    }

    private BuildConstraint atom() {
      if (consume("(")) {
        BuildConstraint x = or();
        if (!consume(")")) {
          throw GovernException.invalidInput("parsing //go:build line: missing )");
        }
        return x;
      }
      skipSpace();
      int start = pos;
      while (pos < s.length()
          && (Character.isLetterOrDigit(s.charAt(pos))
              || s.charAt(pos) == '_'
              || s.charAt(pos) == '.')) {
        pos++;
      }
      if (start == pos) {
        throw GovernException.invalidInput(
            "parsing //go:build line: "
                + (pos < s.length()
                    ? "unexpected " + s.charAt(pos)
                    : "unexpected end of expression"));
      }
      return new Tag(s.substring(start, pos));
    }

    private boolean consume(String token) {
      skipSpace();
      if (s.startsWith(token, pos)) {
        pos += token.length();
        return true;
      }
      return false;
    }

    void skipSpace() {
      while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
        pos++;
      }
    }
  }

  /** Collects a file's constraints: the {@code //go:build} line wins over {@code +build} lines. */
  static BuildConstraint of(String goBuild, List<String> plusBuild) {
    if (goBuild != null) {
      return parseGoBuild(goBuild);
    }
    List<BuildConstraint> all = new ArrayList<>();
    for (String l : plusBuild) {
      try {
        all.add(parsePlusBuild(l));
      } catch (GovernException e) {
        // Go ignores a +build line it cannot parse
      }
    }
    BuildConstraint x = ALWAYS;
    for (BuildConstraint c : all) {
      x = x == ALWAYS ? c : new And(x, c);
    }
    return x;
  }
}
