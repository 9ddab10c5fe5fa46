package dev.govern.core.toolchain;

import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which Go toolchain runs in a directory, with the same rules and messages as the {@code
 * bin/go} shim (a property test runs both on many layouts).
 *
 * <p>First the version selected here, the one the go command would call its local toolchain:
 *
 * <ol>
 *   <li>{@code GOVERN_GO_VERSION} when set and not empty;
 *   <li>walking up from the directory, the nearest {@code .go-version} (first word of the first
 *       line that is not blank or a {@code #} comment) or {@code .tool-versions} ({@code golang} or
 *       {@code go} line; its first version); in one directory {@code .go-version} comes first;
 *   <li>the global default, the symlink {@code $GOVERN_HOME/default} (its version is the first line
 *       of its {@code VERSION} file).
 * </ol>
 *
 * Then the go command's rules ({@code cmd/go/internal/toolchain.Select}): GOTOOLCHAIN {@code
 * local}, {@code auto}, {@code path}, {@code <name>}, {@code <name>+auto}, {@code <name>+path}
 * (unset: {@code auto}, run with {@code GOTOOLCHAIN=local}); in the auto and path modes the main
 * module's file (the nearest {@code go.work}, or the file {@code GOWORK} names, else the nearest
 * {@code go.mod}) can raise the choice: its {@code toolchain} line when newer, its {@code go} line
 * as a minimum ({@code go 1.25} asks for {@code go1.25.0}); {@code toolchain default} keeps the
 * selection. When the toolchain those rules name is not installed, the newest installed toolchain
 * at least as new runs instead (the go command would download it; govern does not), else the
 * message names the exact {@code govern install}.
 *
 * <p>Lines are split into words at spaces and tabs; one carriage return at the end of a word is
 * dropped (files written on Windows).
 */
public final class Resolver {
  /** The variable that selects a version for one shell or one command. */
  public static final String VARIABLE = "GOVERN_GO_VERSION";

  private final GovernHome home;

  public Resolver(GovernHome home) {
    this.home = home;
  }

  /** The toolchain that runs in {@code dir}; NOT_FOUND when nothing selects one. */
  public Resolution resolve(Path dir, Map<String, String> env) {
    return resolve(dir, env, List.of());
  }

  /** The toolchain that runs for {@code go <args>} in {@code dir}. */
  public Resolution resolve(Path dir, Map<String, String> env, List<String> args) {
    return choose(dir, env, args)
        .orElseThrow(
            () ->
                GovernException.notFound(
                    "no Go version is selected here and there is no default",
                    "run: govern use <version> --default"));
  }

  /** Like {@link #resolve} but empty when nothing selects a version. */
  public Optional<Resolution> select(Path dir, Map<String, String> env) {
    return choose(dir, env, List.of());
  }

  /** The selection by variable or version file only, ignoring the default and go.mod. */
  public Optional<Resolution> pinned(Path dir, Map<String, String> env) {
    String var = env.get(VARIABLE);
    if (var != null && !var.isEmpty()) {
      return Optional.of(of(var, new Source(Source.Kind.ENV, VARIABLE)));
    }
    return walk(dir.toAbsolutePath().normalize(), false).pin;
  }

  /** The global default, empty when none is set. */
  public Optional<Resolution> defaultToolchain() {
    return DefaultLink.read(home)
        .map(
            name -> new Resolution(name, new Source(Source.Kind.DEFAULT, "default"), goroot(name)));
  }

  /**
   * The toolchain {@code raw} names, as {@code source} gave it: an exact version, or a line ({@code
   * 1.22}) meaning its newest installed patch.
   */
  public Resolution of(String raw, Source source) {
    String bare = VersionText.bare(raw, source.where());
    String name = "go" + bare;
    if (VersionText.isLine(bare)) {
      name = newestOfLine(name).orElse(name);
    }
    return new Resolution(name, source, goroot(name));
  }

  /** What a walk up from the directory found. */
  private record Found(Optional<Resolution> pin, Path goMod, Path goWork) {}

  private Found walk(Path start, boolean modules) {
    Path gomod = null;
    Path gowork = null;
    for (Path p = start; p != null; p = p.getParent()) {
      Path goVersion = p.resolve(".go-version");
      if (Files.isRegularFile(goVersion)) {
        String v = goVersionFileEntry(goVersion);
        if (v != null) {
          return rest(
              of(v, new Source(Source.Kind.GO_VERSION, goVersion.toString())),
              p,
              gomod,
              gowork,
              modules);
        }
      }
      Path toolVersions = p.resolve(".tool-versions");
      if (Files.isRegularFile(toolVersions)) {
        String v = toolVersionsGo(toolVersions);
        if (v != null) {
          return rest(
              of(v, new Source(Source.Kind.TOOL_VERSIONS, toolVersions.toString())),
              p,
              gomod,
              gowork,
              modules);
        }
      }
      if (gomod == null && Files.isRegularFile(p.resolve("go.mod"))) {
        gomod = p.resolve("go.mod");
      }
      if (gowork == null && Files.isRegularFile(p.resolve("go.work"))) {
        gowork = p.resolve("go.work");
      }
    }
    return new Found(Optional.empty(), gomod, gowork);
  }

  /** After a pin at {@code at}: the module files there and above, when they are wanted. */
  private Found rest(Resolution pin, Path at, Path gomod, Path gowork, boolean modules) {
    if (modules) {
      Found above = modulesFrom(at);
      gomod = gomod != null ? gomod : above.goMod;
      gowork = gowork != null ? gowork : above.goWork;
    }
    return new Found(Optional.of(pin), gomod, gowork);
  }

  private static Found modulesFrom(Path start) {
    Path gomod = null;
    Path gowork = null;
    for (Path p = start; p != null; p = p.getParent()) {
      if (gomod == null && Files.isRegularFile(p.resolve("go.mod"))) {
        gomod = p.resolve("go.mod");
      }
      if (gowork == null && Files.isRegularFile(p.resolve("go.work"))) {
        gowork = p.resolve("go.work");
      }
    }
    return new Found(Optional.empty(), gomod, gowork);
  }

  private Optional<Resolution> choose(Path dir, Map<String, String> env, List<String> args) {
    GoToolchainSetting gt = GoToolchainSetting.parse(env.getOrDefault("GOTOOLCHAIN", ""));
    boolean consult =
        gt.consultsModule()
            && !GoCommandLine.runsLocally(args)
            && GoCommandLine.modulesMayBeOn(env.getOrDefault("GO111MODULE", ""));
    Path start = GoCommandLine.directory(dir.toAbsolutePath().normalize(), args);
    String var = env.get(VARIABLE);
    Found found;
    if (var != null && !var.isEmpty()) {
      Resolution r = of(var, new Source(Source.Kind.ENV, VARIABLE));
      Found modules = consult ? modulesFrom(start) : new Found(Optional.empty(), null, null);
      found = new Found(Optional.of(r), modules.goMod, modules.goWork);
    } else {
      found = walk(start, consult);
    }
    if (consult && env.getOrDefault("GO111MODULE", "").equals("auto") && found.goMod == null) {
      consult = false;
    }
    // The minimum: GOTOOLCHAIN's name, else the selection here.
    Resolution base;
    String minVersion;
    if (gt.name() != null) {
      String name = VersionText.canonicalName(gt.name());
      base =
          new Resolution(
              name,
              new Source(Source.Kind.GOTOOLCHAIN, "GOTOOLCHAIN"),
              goroot(name),
              gt.passOn(),
              null,
              name
                  + " is selected by GOTOOLCHAIN="
                  + gt.value()
                  + " but not installed; run: govern install "
                  + name.substring(2),
              null);
      minVersion = Gover.fromToolchain(gt.name());
    } else {
      Optional<Resolution> local = found.pin.isPresent() ? found.pin : defaultToolchain();
      base = local.map(r -> r.with(gt.passOn())).orElse(null);
      minVersion =
          local.isEmpty()
              ? ""
              : local.get().source().kind() == Source.Kind.DEFAULT
                  ? Gover.fromToolchain(firstLine(home.root().resolve("default/VERSION")))
                  : Gover.fromToolchain(local.get().name());
    }
    if (!consult) {
      return Optional.ofNullable(base);
    }
    ModuleFile mf = moduleFile(found, env);
    if (mf == null) {
      return Optional.ofNullable(base);
    }
    Path file = mf.path();
    String[] lines = goAndToolchainLines(file);
    String goLine = lines[0];
    String toolchainLine = lines[1];
    if ("default".equals(toolchainLine)) {
      return Optional.ofNullable(base);
    }
    String chosen = null;
    String why = null;
    if (toolchainLine != null) {
      String tv = Gover.fromToolchain(toolchainLine);
      if (tv.isEmpty() || !toolchainLine.startsWith("go") && !toolchainLine.contains("-go")) {
        throw GovernException.invalidInput(
            "invalid toolchain \"" + toolchainLine + "\" in " + file);
      }
      if (Gover.compare(tv, minVersion) > 0) {
        chosen = toolchainLine;
        minVersion = tv;
        why = "toolchain " + toolchainLine;
      }
    }
    if (goLine != null && Gover.compare(goLine, minVersion) > 0) {
      chosen = "go" + goLine;
      if (Gover.isLang(goLine) && Gover.compare(goLine, "1.21") >= 0) {
        chosen += ".0";
      }
      minVersion = goLine;
      why = "go " + goLine;
    }
    if (chosen == null) {
      return Optional.ofNullable(base);
    }
    Source source =
        new Source(mf.work() ? Source.Kind.GO_WORK : Source.Kind.GO_MOD, file.toString());
    String name = VersionText.canonicalName(chosen);
    String older =
        base == null
            ? "nothing else selects a version here"
            : base.name() + " (set by " + base.source().describe() + ") is older";
    String note = file + " asks for " + name + " (" + why + "); " + older;
    Path root = goroot(name);
    if (Files.isDirectory(root)) {
      return Optional.of(new Resolution(name, source, root, gt.passOn(), note, null, null));
    }
    Optional<String> newer = newestAtLeast(minVersion);
    if (newer.isPresent()) {
      String sub = newer.get();
      return Optional.of(
          new Resolution(
              sub,
              source,
              goroot(sub),
              gt.value().contains("+") ? "local" : gt.passOn(),
              note
                  + "; "
                  + name
                  + " is not installed: "
                  + sub
                  + " is the newest installed toolchain at least as new",
              null,
              name));
    }
    return Optional.of(
        new Resolution(
            name,
            source,
            root,
            gt.passOn(),
            note,
            name
                + " is required by "
                + file
                + " ("
                + why
                + ") but not installed, nor any newer toolchain; run: govern install "
                + name.substring(2),
            null));
  }

  /** The main module's file and whether it is a go.work. */
  private record ModuleFile(Path path, boolean work) {}

  /** The go.work that applies (GOWORK: off, a path, or auto), else the nearest go.mod. */
  private static ModuleFile moduleFile(Found found, Map<String, String> env) {
    String gowork = env.getOrDefault("GOWORK", "");
    Path work = found.goWork;
    if (gowork.equals("off")) {
      work = null;
    } else if (!gowork.isEmpty() && !gowork.equals("auto")) {
      work = Path.of(gowork);
    }
    if (work != null && Files.isRegularFile(work)) {
      return new ModuleFile(work, true);
    }
    return found.goMod == null ? null : new ModuleFile(found.goMod, false);
  }

  /**
   * The installed toolchain with the highest version at least {@code version} (the go command's
   * order; names it cannot read are skipped); on a tie the first name in byte order. The same walk
   * as the shim's loop over {@code toolchains/go*}.
   */
  private Optional<String> newestAtLeast(String version) {
    File[] entries = home.toolchains().toFile().listFiles();
    if (entries == null) {
      return Optional.empty();
    }
    Arrays.sort(
        entries,
        (a, b) ->
            Arrays.compare(
                a.getName().getBytes(StandardCharsets.UTF_8),
                b.getName().getBytes(StandardCharsets.UTF_8)));
    String best = null;
    String bestVersion = null;
    for (File f : entries) {
      String n = f.getName();
      if (!n.startsWith("go") || !f.isDirectory()) {
        continue;
      }
      String v = Gover.fromToolchain(n);
      if (v.isEmpty() || Gover.compare(v, version) < 0) {
        continue;
      }
      if (best == null || Gover.compare(v, bestVersion) > 0) {
        best = n;
        bestVersion = v;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The first {@code go} and {@code toolchain} lines' first words (null when absent). */
  static String[] goAndToolchainLines(Path file) {
    String go = null;
    String toolchain = null;
    for (String[] w : words(file)) {
      if (w.length > 1 && !w[1].isEmpty()) {
        if (go == null && w[0].equals("go")) {
          go = w[1];
        } else if (toolchain == null && w[0].equals("toolchain")) {
          toolchain = w[1];
        }
      }
      if (go != null && toolchain != null) {
        break;
      }
    }
    return new String[] {go, toolchain};
  }

  private static String firstLine(Path file) {
    List<String[]> lines = words(file);
    return lines.isEmpty() || lines.get(0).length == 0 ? "" : lines.get(0)[0];
  }

  /**
   * The installed {@code go1.N} or {@code go1.N.P} (P canonical, at most 9 digits) with the highest
   * patch; the bare {@code go1.N} counts as patch 0 and wins a tie. Same rule as the shim's loop.
   */
  private Optional<String> newestOfLine(String line) {
    String best = null;
    long bestPatch = -1;
    if (Files.isDirectory(goroot(line))) {
      best = line;
      bestPatch = 0;
    }
    File[] entries = home.toolchains().toFile().listFiles();
    if (entries != null) {
      Arrays.sort(entries);
      for (File f : entries) {
        String n = f.getName();
        if (!n.startsWith(line + ".") || !f.isDirectory()) {
          continue;
        }
        String p = n.substring(line.length() + 1);
        if (!p.matches("0|[1-9][0-9]{0,8}")) {
          continue;
        }
        long patch = Long.parseLong(p);
        if (patch > bestPatch) {
          best = n;
          bestPatch = patch;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private Path goroot(String name) {
    return home.toolchain(name);
  }

  /** First word of the first line that is neither blank nor a comment. */
  public static String goVersionFileEntry(Path file) {
    for (String[] w : words(file)) {
      String a = w.length > 0 ? w[0] : "";
      if (a.isEmpty() || a.startsWith("#")) {
        continue;
      }
      return a;
    }
    return null;
  }

  /** The first version of the first {@code golang} or {@code go} line that has one. */
  static String toolVersionsGo(Path file) {
    for (String[] w : words(file)) {
      if (w.length > 1 && (w[0].equals("golang") || w[0].equals("go")) && !w[1].isEmpty()) {
        return w[1];
      }
    }
    return null;
  }

  /** The version of the first {@code toolchain} line; null when none or {@code default}. */
  static String toolchainLine(Path file) {
    for (String[] w : words(file)) {
      if (w.length > 0 && w[0].equals("toolchain")) {
        String b = w.length > 1 ? w[1] : "";
        return b.isEmpty() || b.equals("default") ? null : b;
      }
    }
    return null;
  }

  /** Each line split into words at spaces and tabs, one trailing CR dropped from each word. */
  private static List<String[]> words(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return List.of();
    }
    List<String[]> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String t = line.replaceAll("^[ \t]+|[ \t]+$", "");
      String[] w = t.isEmpty() ? new String[0] : t.split("[ \t]+");
      for (int i = 0; i < w.length; i++) {
        if (w[i].endsWith("\r")) {
          w[i] = w[i].substring(0, w[i].length() - 1);
        }
      }
      out.add(w);
    }
    return out;
  }
}
