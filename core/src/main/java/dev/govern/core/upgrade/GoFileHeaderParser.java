package dev.govern.core.upgrade;

import dev.govern.core.GovernException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the header of a Go file the way {@code go/build} does: build constraints from the leading
 * comment lines (Go's parseFileHeader), {@code //go:} directives from the comments before the
 * package clause, then the package clause and the import declarations. Nothing after the imports is
 * read. A file Go could not parse raises an INVALID_INPUT error naming the line.
 */
public final class GoFileHeaderParser {
  private final byte[] src;
  private final String name;
  private int pos;
  private int line = 1;
  private final List<GoFileHeader.Directive> directives = new ArrayList<>();
  private boolean beforePackage = true;

  private GoFileHeaderParser(String name, byte[] src) {
    this.name = name;
    this.src = src;
  }

  /** Parses {@code src}; {@code name} is how errors refer to the file. */
  public static GoFileHeader parse(String name, byte[] src) {
    BuildConstraint constraint;
    try {
      constraint = constraint(src);
    } catch (GovernException e) {
      throw GovernException.invalidInput(name + ": " + e.getMessage());
    }
    return new GoFileHeaderParser(name, src).header(constraint);
  }

  /** Go's parseFileHeader + shouldBuild: the {@code //go:build} line, else the +build lines. */
  static BuildConstraint constraint(byte[] content) {
    int p = 0;
    int end = 0;
    boolean ended = false;
    boolean inSlashStar = false;
    String goBuild = null;
    List<String> lines = new ArrayList<>();
    lines:
    while (p < content.length) {
      int nl = indexOf(content, (byte) '\n', p);
      int lineEnd = nl < 0 ? content.length : nl;
      String text = new String(content, p, lineEnd - p, StandardCharsets.UTF_8).strip();
      p = nl < 0 ? content.length : nl + 1;
      if (text.isEmpty() && !ended) {
        end = p;
        continue;
      }
      if (!text.startsWith("//")) {
        ended = true;
      }
      if (!inSlashStar && BuildConstraint.isGoBuild(text)) {
        if (goBuild != null) {
          throw GovernException.invalidInput("multiple //go:build comments");
        }
        goBuild = text;
      }
      lines.add(text);
      String rest = text;
      while (!rest.isEmpty()) {
        if (inSlashStar) {
          int i = rest.indexOf("*/");
          if (i >= 0) {
            inSlashStar = false;
            rest = rest.substring(i + 2).strip();
            continue;
          }
          continue lines;
        }
        if (rest.startsWith("//")) {
          continue lines;
        }
        if (rest.startsWith("/*")) {
          inSlashStar = true;
          rest = rest.substring(2).strip();
          continue;
        }
        break lines;
      }
    }
    List<String> plus = new ArrayList<>();
    if (goBuild == null) {
      String head = new String(content, 0, end, StandardCharsets.UTF_8);
      for (String l : head.split("\n")) {
        String t = l.strip();
        if (t.startsWith("//") && t.contains("+build") && BuildConstraint.isPlusBuild(t)) {
          plus.add(t);
        }
      }
    }
    return BuildConstraint.of(goBuild, plus);
  }

  private static int indexOf(byte[] b, byte c, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private GoFileHeader header(BuildConstraint constraint) {
    Token t = next();
    if (!t.isWord("package")) {
      throw error(t.line, "expected 'package', found " + t.describe());
    }
    int packageLine = t.line;
    beforePackage = false;
    Token pkg = next();
    if (pkg.kind != Kind.IDENT) {
      throw error(pkg.line, "expected package name, found " + pkg.describe());
    }
    List<GoFileHeader.Import> imports = new ArrayList<>();
    Token tok = next();
    while (tok.kind == Kind.SEMI) {
      tok = next();
    }
    while (tok.isWord("import")) {
      Token open = next();
      if (open.is("(")) {
        Token s = next();
        while (!s.is(")")) {
          if (s.kind == Kind.SEMI) {
            s = next();
            continue;
          }
          importSpec(s, imports);
          s = next();
        }
      } else {
        importSpec(open, imports);
      }
      tok = next();
      while (tok.kind == Kind.SEMI) {
        tok = next();
      }
    }
    return new GoFileHeader(constraint, pkg.text, packageLine, directives, imports);
  }

  private void importSpec(Token first, List<GoFileHeader.Import> imports) {
    Token path = first;
    if (first.kind == Kind.IDENT || first.is(".")) {
      path = next();
    }
    if (path.kind != Kind.STRING) {
      throw error(path.line, "expected import path, found " + path.describe());
    }
    if (path.text.isEmpty()) {
      throw error(path.line, "invalid import path: \"\"");
    }
    imports.add(new GoFileHeader.Import(path.text, path.line));
  }

  private enum Kind {
    IDENT,
    STRING,
    PUNCT,
    SEMI,
    EOF
  }

  private record Token(Kind kind, String text, int line) {
    boolean isWord(String w) {
      return kind == Kind.IDENT && text.equals(w);
    }

    boolean is(String p) {
      return kind == Kind.PUNCT && text.equals(p);
    }

    String describe() {
      return switch (kind) {
        case EOF -> "end of file";
        case SEMI -> "newline";
        case STRING -> "string";
        default -> "'" + text + "'";
      };
    }
  }

  /** Go's lexer, enough of it: a newline after an identifier, a string or ')' is a semicolon. */
  private boolean insertSemi;

  private Token next() {
    Token t = scan();
    insertSemi = t.kind == Kind.IDENT || t.kind == Kind.STRING || t.is(")");
    return t;
  }

  private Token scan() {
    while (pos < src.length) {
      byte c = src[pos];
      if (c == '\n') {
        int at = line;
        pos++;
        line++;
        if (insertSemi) {
          return new Token(Kind.SEMI, "\n", at);
        }
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
        continue;
      }
      if (c == '/' && pos + 1 < src.length && src[pos + 1] == '/') {
        lineComment();
        continue;
      }
      if (c == '/' && pos + 1 < src.length && src[pos + 1] == '*') {
        int startLine = line;
        if (blockComment() && insertSemi) {
          return new Token(Kind.SEMI, "\n", startLine);
        }
        continue;
      }
      if (c == ';') {
        pos++;
        return new Token(Kind.SEMI, ";", line);
      }
      if (c == '"') {
        return interpreted();
      }
      if (c == '`') {
        return raw();
      }
      if (isIdentStart(c)) {
        int start = pos;
        while (pos < src.length && isIdentPart(src[pos])) {
          pos++;
        }
        return new Token(
            Kind.IDENT, new String(src, start, pos - start, StandardCharsets.UTF_8), line);
      }
      pos++;
      return new Token(Kind.PUNCT, String.valueOf((char) (c & 0xff)), line);
    }
    if (insertSemi) {
      return new Token(Kind.SEMI, "", line);
    }
    return new Token(Kind.EOF, "", line);
  }

  private void lineComment() {
    int start = pos;
    while (pos < src.length && src[pos] != '\n') {
      pos++;
    }
    String text = new String(src, start, pos - start, StandardCharsets.UTF_8);
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    if (beforePackage && text.startsWith("//go:")) {
      directives.add(new GoFileHeader.Directive(text, line));
    }
  }

  /** Skips a block comment; true when it spans a newline. */
  private boolean blockComment() {
    int startLine = line;
    boolean newline = false;
    for (int i = pos + 2; i + 1 < src.length; i++) {
      if (src[i] == '\n') {
        newline = true;
        line++;
      }
      if (src[i] == '*' && src[i + 1] == '/') {
        pos = i + 2;
        return newline;
      }
    }
    throw error(startLine, "comment not terminated");
  }

  private static boolean isIdentStart(byte c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80) != 0;
  }

  private static boolean isIdentPart(byte c) {
    return isIdentStart(c) || (c >= '0' && c <= '9');
  }

  private Token raw() {
    int startLine = line;
    int start = ++pos;
    while (pos < src.length && src[pos] != '`') {
      if (src[pos] == '\n') {
        line++;
      }
      pos++;
    }
    if (pos >= src.length) {
      throw error(startLine, "raw string literal not terminated");
    }
    String text = new String(src, start, pos - start, StandardCharsets.UTF_8).replace("\r", "");
    pos++;
    return new Token(Kind.STRING, text, startLine);
  }

  private Token interpreted() {
    int startLine = line;
    StringBuilder b = new StringBuilder();
    pos++;
    int runStart = pos;
    while (true) {
      if (pos >= src.length || src[pos] == '\n') {
        throw error(startLine, "string literal not terminated");
      }
      byte c = src[pos];
      if (c == '"') {
        b.append(new String(src, runStart, pos - runStart, StandardCharsets.UTF_8));
        pos++;
        return new Token(Kind.STRING, b.toString(), startLine);
      }
      if (c == '\\') {
        b.append(new String(src, runStart, pos - runStart, StandardCharsets.UTF_8));
        escape(b, startLine);
        runStart = pos;
        continue;
      }
      pos++;
    }
  }

  private void escape(StringBuilder b, int at) {
    pos++; // the backslash
    if (pos >= src.length) {
      throw error(at, "escape sequence not terminated");
    }
    char e = (char) src[pos++];
    switch (e) {
      case 'a' -> b.append('\u0007');
      case 'b' -> b.append('\b');
      case 'f' -> b.append('\f');
      case 'n' -> b.append('\n');
      case 'r' -> b.append('\r');
      case 't' -> b.append('\t');
      case 'v' -> b.append('\u000b');
      case '\\' -> b.append('\\');
      case '"' -> b.append('"');
      case 'x' -> b.append((char) hex(2, at));
      case 'u' -> b.appendCodePoint(hex(4, at));
      case 'U' -> {
        int cp = hex(8, at);
        if (cp > Character.MAX_CODE_POINT) {
          throw error(at, "escape sequence is invalid Unicode code point");
        }
        b.appendCodePoint(cp);
      }
      default -> {
        if (e >= '0' && e <= '7') {
          pos--;
          int v = 0;
          for (int i = 0; i < 3; i++) {
            if (pos >= src.length || src[pos] < '0' || src[pos] > '7') {
              throw error(at, "invalid octal escape");
            }
            v = v * 8 + (src[pos++] - '0');
          }
          b.append((char) (v & 0xff));
        } else {
          throw error(at, "unknown escape sequence");
        }
      }
    }
  }

  private int hex(int digits, int at) {
    int v = 0;
    for (int i = 0; i < digits; i++) {
      if (pos >= src.length) {
        throw error(at, "escape sequence not terminated");
      }
      int d = Character.digit((char) src[pos++], 16);
      if (d < 0) {
        throw error(at, "illegal character in escape sequence");
      }
      v = v * 16 + d;
    }
    return v;
  }

  private GovernException error(int at, String message) {
    return GovernException.invalidInput(name + ":" + at + ": " + message);
  }
}
