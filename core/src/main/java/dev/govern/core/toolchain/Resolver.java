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
 * Decides which Go toolchain applies in a directory, in the same order and with the same file rules
 * as the {@code bin/go} shim (a property test runs both on many layouts):
 *
 * <ol>
 *   <li>{@code GOVERN_GO_VERSION} when set and not empty;
 *   <li>walking up from the directory, the nearest {@code .go-version} (first word of the first
 *       line that is not blank or a {@code #} comment) or {@code .tool-versions} ({@code golang} or
 *       {@code go} line; its first version); in one directory {@code .go-version} comes first;
 *   <li>the {@code toolchain} line of the nearest {@code go.work} (or the file {@code GOWORK}
 *       names; none when {@code GOWORK=off}), else of the nearest {@code go.mod}; {@code toolchain
 *       default} counts as no line;
 *   <li>the global default, the symlink {@code $GOVERN_HOME/default}.
 * </ol>
 *
 * Lines are split into words at spaces and tabs; one carriage return at the end of a word is
 * dropped (files written on Windows).
 */
public final class Resolver {
  /** The variable that selects a version for one shell or one command. */
  public static final String VARIABLE = "GOVERN_GO_VERSION";

  private final GovernHome home;

  public Resolver(GovernHome home) {
    this.home = home;
  }

  /** The selection that applies in {@code dir}; NOT_FOUND when nothing selects and no default. */
  public Resolution resolve(Path dir, Map<String, String> env) {
    return select(dir, env)
        .orElseThrow(
            () ->
                GovernException.notFound(
                    "no Go version is selected here and there is no default",
                    "run: govern use <version> --default"));
  }

  /** Like {@link #resolve} but empty when nothing selects a version and there is no default. */
  public Optional<Resolution> select(Path dir, Map<String, String> env) {
    Optional<Resolution> pinned = pinned(dir, env);
    return pinned.isPresent() ? pinned : defaultToolchain();
  }

  /** The selection by variable or file only, ignoring the global default. */
  public Optional<Resolution> pinned(Path dir, Map<String, String> env) {
    String var = env.get(VARIABLE);
    if (var != null && !var.isEmpty()) {
      return Optional.of(of(var, new Source(Source.Kind.ENV, VARIABLE)));
    }
    Path gomod = null;
    Path gowork = null;
    for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      Path goVersion = p.resolve(".go-version");
      if (Files.isRegularFile(goVersion)) {
        String v = goVersionFileEntry(goVersion);
        if (v != null) {
          return Optional.of(of(v, new Source(Source.Kind.GO_VERSION, goVersion.toString())));
        }
      }
      Path toolVersions = p.resolve(".tool-versions");
      if (Files.isRegularFile(toolVersions)) {
        String v = toolVersionsGo(toolVersions);
        if (v != null) {
          return Optional.of(of(v, new Source(Source.Kind.TOOL_VERSIONS, toolVersions.toString())));
        }
      }
      if (gomod == null && Files.isRegularFile(p.resolve("go.mod"))) {
        gomod = p.resolve("go.mod");
      }
      if (gowork == null && Files.isRegularFile(p.resolve("go.work"))) {
        gowork = p.resolve("go.work");
      }
    }
    String goworkVar = env.getOrDefault("GOWORK", "");
    if (goworkVar.equals("off")) {
      gowork = null;
    } else if (!goworkVar.isEmpty()) {
      gowork = Path.of(goworkVar);
    }
    Path file = gowork != null ? gowork : gomod;
    if (file != null && Files.isRegularFile(file)) {
      String v = toolchainLine(file);
      if (v != null) {
        Source.Kind kind =
            file.equals(gowork) && gowork != null ? Source.Kind.GO_WORK : Source.Kind.GO_MOD;
        return Optional.of(of(v, new Source(kind, file.toString())));
      }
    }
    return Optional.empty();
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
