package dev.govern.core.artifact.gomod;

import dev.govern.core.artifact.gomod.ModLexer.Comment;
import dev.govern.core.artifact.gomod.ModSyntax.Line;
import dev.govern.core.artifact.gomod.ModSyntax.LineBlock;
import dev.govern.core.artifact.gomod.ModSyntax.Node;
import dev.govern.core.module.ModulePath;
import dev.govern.core.module.ModuleVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives meaning to the statements of a go.mod or go.work file, with the rules and error collection
 * of Go's {@code modfile.Parse} (strict), {@code modfile.ParseLax} and {@code modfile.ParseWork},
 * all without a version fixer: versions must be valid and are canonicalised, retract versions are
 * kept as written. Every error is collected; the file is rejected when there is any.
 */
final class ModFileInterpreter {
  enum Mode {
    MOD_STRICT,
    MOD_LAX,
    WORK
  }

  private static final Pattern GO_VERSION =
      Pattern.compile("([1-9][0-9]*)\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?");
  private static final Pattern LAX_GO_VERSION =
      Pattern.compile("v?(([1-9][0-9]*)\\.(0|[1-9][0-9]*))([^0-9][^\\n]*)");
  private static final Set<String> MOD_BLOCKS =
      Set.of("module", "godebug", "require", "exclude", "replace", "retract", "tool", "ignore");
  private static final Set<String> WORK_BLOCKS = Set.of("godebug", "use", "replace");
  private static final Set<String> LAX_VERBS =
      Set.of("go", "module", "retract", "require", "ignore");

  /** Errors collected before giving up: a file with more is not a go.mod file worth listing. */
  static final int MAX_ERRORS = 1000;

  private final String file;
  private final Mode mode;
  private final List<GoModError> errors = new ArrayList<>();

  private ModuleDirective module;
  private boolean moduleSeen;
  private GoDirective go;
  private ToolchainDirective toolchain;
  private final List<Godebug> godebug = new ArrayList<>();
  private final List<Requirement> require = new ArrayList<>();
  private final List<Exclusion> exclude = new ArrayList<>();
  private final List<Replacement> replace = new ArrayList<>();
  private final List<Retraction> retract = new ArrayList<>();
  private final List<PathDirective> tool = new ArrayList<>();
  private final List<PathDirective> ignore = new ArrayList<>();
  private final List<PathDirective> use = new ArrayList<>();

  /** A directive-level failure; becomes one collected error at the line's start. */
  private static final class Reject extends Exception {
    private static final long serialVersionUID = 1L;

    Reject(String message) {
      super(message, null, false, false);
    }
  }

  ModFileInterpreter(String file, Mode mode) {
    this.file = file;
    this.mode = mode;
  }

  List<GoModError> errors() {
    return errors;
  }

  /** Interprets one statement; after {@link #MAX_ERRORS} errors the rest are skipped. */
  void accept(Node stmt) {
    if (errors.size() > MAX_ERRORS) {
      return;
    }
    if (errors.size() == MAX_ERRORS) {
      errors.add(
          GoModError.at(
              file,
              position(stmt),
              "too many errors (stopped after " + MAX_ERRORS + "; Go would list them all)"));
      return;
    }
    boolean strict = mode != Mode.MOD_LAX;
    Set<String> blocks = mode == Mode.WORK ? WORK_BLOCKS : MOD_BLOCKS;
    if (stmt instanceof Line line) {
      add(null, line, line.tokens.get(0), line.tokens.subList(1, line.tokens.size()));
    } else if (stmt instanceof LineBlock block) {
      if (block.tokens.size() > 1 || !blocks.contains(block.tokens.get(0))) {
        if (strict) {
          errors.add(
              GoModError.at(
                  file, block.start, "unknown block type: " + String.join(" ", block.tokens)));
        }
        return;
      }
      for (Line line : block.lines) {
        add(block, line, block.tokens.get(0), line.tokens);
      }
    }
  }

  private static TextPosition position(Node stmt) {
    if (stmt instanceof Line line) {
      return line.start;
    }
    if (stmt instanceof LineBlock block) {
      return block.start;
    }
    return new TextPosition(stmt.startLine(), 1, 0);
  }

  GoModFile modFile() {
    return new GoModFile(
        file, module, go, toolchain, godebug, require, exclude, replace, retract, tool, ignore);
  }

  GoWorkFile workFile() {
    return new GoWorkFile(file, go, toolchain, godebug, use, replace);
  }

  private void add(LineBlock block, Line line, String verb, List<String> args) {
    if (mode == Mode.MOD_LAX && !LAX_VERBS.contains(verb)) {
      return; // a dependency's go.mod: only these directives matter
    }
    try {
      if (mode == Mode.WORK) {
        addWork(line, verb, args);
      } else {
        addMod(block, line, verb, args);
      }
    } catch (Reject r) {
      errors.add(GoModError.at(file, line.start, r.getMessage()));
    }
  }

  private void addMod(LineBlock block, Line line, String verb, List<String> args) throws Reject {
    int n = line.start.line();
    switch (verb) {
      case "go" -> addGo(line, args);
      case "toolchain" -> addToolchain(line, args);
      case "module" -> {
        if (moduleSeen) {
          throw new Reject("repeated module statement");
        }
        moduleSeen = true;
        String deprecated = deprecation(directiveComment(block, line));
        module = new ModuleDirective("", deprecated, n);
        if (args.size() != 1) {
          throw new Reject("usage: module module/path");
        }
        module = new ModuleDirective(pathString(args.get(0)), deprecated, n);
      }
      case "godebug" -> addGodebug(line, args);
      case "require", "exclude" -> {
        if (args.size() != 2) {
          throw new Reject("usage: " + verb + " module/path v1.2.3");
        }
        String path = pathString(args.get(0));
        String version = canonicalVersion(verb, path, args.get(1));
        ModulePath split = ModulePath.split(path);
        if (split == null) {
          throw new Reject("invalid module path");
        }
        checkMajor(verb, path, version, split);
        if (verb.equals("require")) {
          require.add(new Requirement(path, version, isIndirect(line), n));
        } else {
          exclude.add(new Exclusion(path, version, n));
        }
      }
      case "replace" -> replace.add(replacement(line, verb, args));
      case "retract" -> {
        String rationale = directiveComment(block, line);
        List<String> rest = new ArrayList<>(args);
        String[] interval;
        try {
          interval = versionInterval(verb, rest);
        } catch (Reject r) {
          if (mode == Mode.MOD_LAX) {
            return; // only the main module's retractions are checked
          }
          throw r;
        }
        if (!rest.isEmpty() && mode == Mode.MOD_STRICT) {
          throw new Reject("unexpected token after version: " + GoQuoting.quote(rest.get(0)));
        }
        retract.add(new Retraction(interval[0], interval[1], rationale, n));
      }
      case "tool" -> tool.add(new PathDirective(singlePath("tool", args), n));
      case "ignore" -> ignore.add(new PathDirective(singlePath("ignore", args), n));
      default -> throw new Reject("unknown directive: " + verb);
    }
  }

  private void addWork(Line line, String verb, List<String> args) throws Reject {
    switch (verb) {
      case "go" -> addGo(line, args);
      case "toolchain" -> addToolchain(line, args);
      case "godebug" -> addGodebug(line, args);
      case "use" -> {
        if (args.size() != 1) {
          throw new Reject("usage: use local/dir");
        }
        use.add(new PathDirective(pathString(args.get(0)), line.start.line()));
      }
      case "replace" -> replace.add(replacement(line, verb, args));
      default -> throw new Reject("unknown directive: " + verb);
    }
  }

  private void addGo(Line line, List<String> args) throws Reject {
    if (go != null) {
      throw new Reject("repeated go statement");
    }
    if (args.size() != 1) {
      throw new Reject("go directive expects exactly one argument");
    }
    String version = args.get(0);
    if (!GO_VERSION.matcher(version).matches()) {
      Matcher lax = LAX_GO_VERSION.matcher(version);
      if (mode == Mode.MOD_LAX && lax.matches()) {
        version = lax.group(1);
      } else {
        throw new Reject("invalid go version '" + version + "': must match format 1.23.0");
      }
    }
    go = new GoDirective(version, line.start.line());
  }

  private void addToolchain(Line line, List<String> args) throws Reject {
    if (toolchain != null) {
      throw new Reject("repeated toolchain statement");
    }
    if (args.size() != 1) {
      throw new Reject("toolchain directive expects exactly one argument");
    }
    String name = args.get(0);
    if (!(name.equals("default") || name.equals("go1") || name.startsWith("go1."))) {
      throw new Reject(
          "invalid toolchain version '" + name + "': must match format go1.23.0 or default");
    }
    toolchain = new ToolchainDirective(name, line.start.line());
  }

  private void addGodebug(Line line, List<String> args) throws Reject {
    if (args.size() != 1 || containsAny(args.get(0), "\"`',")) {
      throw new Reject("usage: godebug key=value");
    }
    String setting = args.get(0);
    int eq = setting.indexOf('=');
    if (eq < 0) {
      throw new Reject("usage: godebug key=value");
    }
    godebug.add(
        new Godebug(setting.substring(0, eq), setting.substring(eq + 1), line.start.line()));
  }

  private String singlePath(String verb, List<String> args) throws Reject {
    if (args.size() != 1) {
      throw new Reject(verb + " directive expects exactly one argument");
    }
    return pathString(args.get(0));
  }

  private Replacement replacement(Line line, String verb, List<String> args) throws Reject {
    int arrow = args.size() >= 2 && args.get(1).equals("=>") ? 1 : 2;
    if (args.size() < arrow + 2 || args.size() > arrow + 3 || !args.get(arrow).equals("=>")) {
      throw new Reject(
          "usage: "
              + verb
              + " module/path [v1.2.3] => other/module v1.4 or "
              + verb
              + " module/path [v1.2.3] => ../local/directory");
    }
    String path = pathString(args.get(0));
    ModulePath split = ModulePath.split(path);
    if (split == null) {
      throw new Reject(verb + " " + path + ": invalid module path");
    }
    String version = "";
    if (arrow == 2) {
      version = canonicalVersion(verb, path, args.get(1));
      checkMajor(verb, path, version, split);
    }
    String newPath = pathString(args.get(arrow + 1));
    String newVersion = "";
    if (args.size() == arrow + 2) {
      if (!GoModParser.isDirectoryPath(newPath)) {
        if (newPath.contains("@")) {
          throw new Reject(
              "replacement module must match format 'path version', not 'path@version'");
        }
        throw new Reject(
            "replacement module without version must be directory path"
                + " (rooted or starting with . or ..)");
      }
      if (newPath.contains("\\")) {
        throw new Reject(
            "replacement directory appears to be Windows path (on a non-windows system)");
      }
    } else {
      newVersion = canonicalVersion(verb, newPath, args.get(arrow + 2));
      if (GoModParser.isDirectoryPath(newPath)) {
        throw new Reject(
            "replacement module directory path "
                + GoQuoting.quote(newPath)
                + " cannot have version");
      }
    }
    return new Replacement(
        new ModuleRef(path, version), new ModuleRef(newPath, newVersion), line.start.line());
  }

  /** Go's {@code parseVersionInterval}; consumes the interval's tokens from {@code args}. */
  private String[] versionInterval(String verb, List<String> args) throws Reject {
    if (args.isEmpty() || args.get(0).equals("(")) {
      throw new Reject("expected '[' or version");
    }
    if (!args.get(0).equals("[")) {
      String v = retractVersion(verb, args.remove(0));
      return new String[] {v, v};
    }
    args.remove(0);
    if (args.isEmpty()) {
      throw new Reject("expected version after '['");
    }
    String low = retractVersion(verb, args.remove(0));
    if (args.isEmpty() || !args.get(0).equals(",")) {
      throw new Reject("expected ',' after version");
    }
    args.remove(0);
    if (args.isEmpty()) {
      throw new Reject("expected version after ','");
    }
    String high = retractVersion(verb, args.remove(0));
    if (args.isEmpty() || !args.get(0).equals("]")) {
      throw new Reject("expected ']' after version");
    }
    args.remove(0);
    return new String[] {low, high};
  }

  /** Without a version fixer Go keeps retract versions as written (only quoting is checked). */
  private static String retractVersion(String verb, String token) throws Reject {
    try {
      return unquotedToken(token);
    } catch (Reject r) {
      throw new Reject(
          verb + ": version " + GoQuoting.quote(token) + " invalid: " + r.getMessage());
    }
  }

  /** Go's {@code parseVersion} without a fixer: the version must be valid; it is canonicalised. */
  private static String canonicalVersion(String verb, String path, String token) throws Reject {
    String prefix = path.isEmpty() ? verb + ": " : verb + " " + path + ": ";
    String text;
    try {
      text = unquotedToken(token);
    } catch (Reject r) {
      throw new Reject(
          prefix + "version " + GoQuoting.quote(token) + " invalid: " + r.getMessage());
    }
    String canonical = ModuleVersion.canonical(text);
    if (canonical.isEmpty()) {
      throw new Reject(
          prefix + "version " + GoQuoting.quote(text) + " invalid: must be of the form v1.2.3");
    }
    return canonical;
  }

  private static void checkMajor(String verb, String path, String version, ModulePath split)
      throws Reject {
    String problem = split.checkMajor(version);
    if (problem != null) {
      throw new Reject(
          verb + " " + path + ": version " + GoQuoting.quote(version) + " invalid: " + problem);
    }
  }

  /**
   * Go's {@code parseString}: a {@code "…"} token is unquoted; any other token may not contain a
   * quote character (so raw {@code `…`} strings are tokens Go reserves but never accepts here).
   */
  private static String unquotedToken(String token) throws Reject {
    if (token.startsWith("\"")) {
      String s = GoQuoting.unquote(token);
      if (s == null) {
        throw new Reject("invalid syntax");
      }
      return s;
    }
    if (containsAny(token, "\"'`")) {
      throw new Reject("unquoted string cannot contain quote");
    }
    return token;
  }

  /** {@link #unquotedToken} for a path: the error says the quoted string is invalid. */
  private static String pathString(String token) throws Reject {
    try {
      return unquotedToken(token);
    } catch (Reject r) {
      throw new Reject("invalid quoted string: " + r.getMessage());
    }
  }

  private static boolean containsAny(String s, String chars) {
    for (int i = 0; i < chars.length(); i++) {
      if (s.indexOf(chars.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the line's first end-of-line comment is {@code // indirect} or {@code // indirect; …}.
   */
  private static boolean isIndirect(Line line) {
    if (line.suffix().isEmpty()) {
      return false;
    }
    String text = line.suffix().get(0).text();
    if (text.startsWith("//")) {
      text = text.substring(2);
    }
    List<String> f = GoRunes.fields(text);
    return (f.size() == 1 && f.get(0).equals("indirect"))
        || (f.size() > 1 && f.get(0).equals("indirect;"));
  }

  /**
   * The comment text of a directive: its own comments, or (when it has none) those of its block;
   * one line per comment, without {@code //} and surrounding space.
   */
  private static String directiveComment(LineBlock block, Line line) {
    Node source = line;
    if (block != null && line.before().isEmpty() && line.suffix().isEmpty()) {
      source = block;
    }
    List<String> lines = new ArrayList<>();
    for (List<Comment> group : List.of(source.before(), source.suffix())) {
      for (Comment c : group) {
        if (c.text().startsWith("//")) {
          lines.add(GoRunes.trimSpace(c.text().substring(2)));
        }
      }
    }
    return String.join("\n", lines);
  }

  /**
   * The first paragraph that starts with {@code Deprecated:}, without that prefix (and the spaces
   * after it), up to the end of the paragraph.
   */
  static String deprecation(String text) {
    String marker = "Deprecated:";
    int from = 0;
    while (true) {
      int at = text.indexOf(marker, from);
      if (at < 0) {
        return "";
      }
      if (at == 0 || (at >= 2 && text.startsWith("\n\n", at - 2))) {
        int start = at + marker.length();
        while (start < text.length() && text.charAt(start) == ' ') {
          start++;
        }
        int end = text.indexOf("\n\n", start);
        return text.substring(start, end < 0 ? text.length() : end);
      }
      from = at + 1;
    }
  }
}
