package dev.govern.core.toolchain;

import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;
import dev.govern.core.net.DocumentCache;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Diagnoses the setup a person is most likely to get wrong in an emergency: another {@code go}
 * ahead of the shims, a hand-exported GOROOT, GOTOOLCHAIN=auto where Go would download, the shell
 * integration not loaded, a pinned or default version not installed, damaged toolchains, shims out
 * of date, and stale knowledge caches.
 */
public final class Doctor {
  private static final Pattern GO_LINE = Pattern.compile("(?m)^[ \\t]*go[ \\t]+([^ \\t\\r\\n]+)");

  private final GovernHome home;
  private final Map<String, String> env;
  private final Path cwd;
  private final Instant now;
  private final Duration maxCacheAge;

  public Doctor(
      GovernHome home, Map<String, String> env, Path cwd, Instant now, Duration maxCacheAge) {
    this.home = home;
    this.env = env;
    this.cwd = cwd;
    this.now = now;
    this.maxCacheAge = maxCacheAge;
  }

  public List<Finding> check() {
    List<Finding> out = new ArrayList<>();
    shims(out);
    path(out);
    goroot(out);
    shell(out);
    Optional<Resolution> selected = selection(out);
    defaults(out);
    gotoolchain(out, selected);
    toolchains(out);
    caches(out);
    return out;
  }

  private void shims(List<Finding> out) {
    List<String> problems = Shims.problems(home);
    if (!problems.isEmpty()) {
      out.add(
          Finding.error(
              "shims-out-of-date",
              String.join("; ", problems),
              "run: govern doctor --fix (rewrites the shims and links in " + home.bin() + ")"));
    }
  }

  private void path(List<Finding> out) {
    String bin = home.bin().toString();
    List<String> entries = List.of(env.getOrDefault("PATH", "").split(":"));
    if (!entries.contains(bin)) {
      out.add(
          Finding.error(
              "shims-not-on-path",
              bin + " is not on PATH, so `go` does not go through govern",
              initHint()));
      return;
    }
    for (String dir : entries) {
      if (dir.isEmpty()) {
        continue;
      }
      if (dir.equals(bin)) {
        return;
      }
      Path go = Path.of(dir, "go");
      if (Files.isRegularFile(go) && Files.isExecutable(go)) {
        out.add(
            Finding.error(
                "other-go-first-in-path",
                go + " comes before govern's shims on PATH and runs instead of them",
                "put " + bin + " first on PATH: " + initHint() + " after your other PATH changes"));
        return;
      }
    }
  }

  private void goroot(List<Finding> out) {
    String goroot = env.get("GOROOT");
    if (goroot != null && !goroot.isEmpty()) {
      out.add(
          Finding.error(
              "goroot-exported",
              "GOROOT is exported by hand (" + goroot + "); every toolchain then uses that tree",
              "remove the GOROOT export from your shell rc file and run: unset GOROOT"));
    }
  }

  private void shell(List<Finding> out) {
    if (env.getOrDefault(ShellIntegration.MARKER_VARIABLE, "").isEmpty()) {
      out.add(
          Finding.warning(
              "shell-integration-not-loaded",
              "the govern shell integration is not loaded, so `govern use <v>` cannot switch this shell",
              initHint()));
    }
  }

  private String initHint() {
    String sh = env.getOrDefault("SHELL", "");
    if (sh.endsWith("fish")) {
      return "add `govern init fish | source` to ~/.config/fish/config.fish";
    }
    String name = sh.endsWith("zsh") ? "zsh" : "bash";
    return "add `eval \"$(govern init " + name + ")\"` to ~/." + name + "rc";
  }

  private Optional<Resolution> selection(List<Finding> out) {
    Optional<Resolution> pinned;
    try {
      pinned = new Resolver(home).pinned(cwd, env);
    } catch (GovernException e) {
      out.add(
          Finding.error(
              "bad-version-pin", e.getMessage(), "write a version such as 1.22.4 in that file"));
      return Optional.empty();
    }
    pinned
        .filter(r -> !r.installed())
        .ifPresent(
            r ->
                out.add(
                    Finding.error(
                        "pinned-not-installed",
                        r.notInstalledMessage().replaceFirst("; run: .*", ""),
                        "run: govern install " + r.bare())));
    return pinned.isPresent() ? pinned : new Resolver(home).defaultToolchain();
  }

  private void defaults(List<Finding> out) {
    Optional<String> state;
    try {
      state = new StateFile(home).read().defaultName();
    } catch (GovernException e) {
      out.add(
          Finding.error(
              "state-unreadable",
              e.getMessage(),
              "fix or remove it, then run: govern use <v> --default"));
      return;
    }
    Optional<String> link = DefaultLink.read(home);
    if (state.isEmpty() && link.isEmpty()) {
      out.add(
          Finding.warning(
              "no-default",
              "no global default is set, so `go` fails outside pinned directories",
              "run: govern use <version> --default"));
      return;
    }
    String name = state.orElse(link.orElse(""));
    if (!Files.isDirectory(home.toolchain(name))) {
      out.add(
          Finding.error(
              "default-not-installed",
              "the default " + name + " is not installed",
              "run: govern install "
                  + name.substring(Math.min(2, name.length()))
                  + ", or switch: govern use <version> --default"));
    }
    if (state.isPresent() && !state.equals(link)) {
      out.add(
          Finding.error(
              "default-link-mismatch",
              home.state()
                  + " says the default is "
                  + state.get()
                  + " but the link "
                  + DefaultLink.path(home)
                  + " points at "
                  + link.orElse("nothing"),
              "run: govern doctor --fix"));
    }
  }

  private void gotoolchain(List<Finding> out, Optional<Resolution> selected) {
    String t = env.getOrDefault("GOTOOLCHAIN", "");
    if (!(t.equals("auto") || t.endsWith("+auto")) || selected.isEmpty()) {
      return;
    }
    Optional<Path> file = goModOrWork();
    if (file.isEmpty()) {
      return;
    }
    GoVersion have;
    try {
      have = GoVersion.parse(selected.get().name());
    } catch (GovernException e) {
      return;
    }
    GoVersion need = null;
    try {
      String text = Files.readString(file.get(), StandardCharsets.ISO_8859_1);
      String tc = GoModToolchainLine.read(text);
      if (tc != null && !tc.equals("default")) {
        need = GoVersion.parse(tc);
      }
      Matcher m = GO_LINE.matcher(text);
      if (m.find()) {
        GoVersion go = GoVersion.parse(m.group(1));
        need = need == null || go.isAfter(need) ? go : need;
      }
    } catch (IOException | GovernException e) {
      return;
    }
    if (need != null && need.compareIgnoringSuffix(have) > 0) {
      out.add(
          Finding.error(
              "gotoolchain-auto-would-download",
              "GOTOOLCHAIN="
                  + t
                  + " and "
                  + file.get()
                  + " asks for "
                  + need
                  + " while "
                  + have
                  + " is selected here: Go would download a toolchain behind govern's back",
              "unset GOTOOLCHAIN (the shims set local), then: govern install "
                  + need.bare()
                  + " && govern pin "
                  + need.bare()));
    }
  }

  /** The go.work (unless GOWORK=off) or go.mod that decides for Go itself here. */
  private Optional<Path> goModOrWork() {
    Path mod = null;
    Path work = null;
    for (Path p = cwd.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (mod == null && Files.isRegularFile(p.resolve("go.mod"))) {
        mod = p.resolve("go.mod");
      }
      if (work == null && Files.isRegularFile(p.resolve("go.work"))) {
        work = p.resolve("go.work");
      }
    }
    String gowork = env.getOrDefault("GOWORK", "");
    if (gowork.equals("off")) {
      work = null;
    } else if (!gowork.isEmpty()) {
      work = Path.of(gowork);
    }
    return Optional.ofNullable(work != null ? work : mod);
  }

  private void toolchains(List<Finding> out) {
    Path dir = home.toolchains();
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "go*")) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (!Files.isDirectory(p)) {
          continue;
        }
        List<String> wrong = new ArrayList<>();
        Path version = p.resolve("VERSION");
        if (!Files.isRegularFile(version)) {
          wrong.add("VERSION is missing");
        } else {
          String first =
              Files.readString(version, StandardCharsets.UTF_8).lines().findFirst().orElse("");
          if (!first.strip().equals(name)) {
            wrong.add("VERSION says \"" + first.strip() + "\"");
          }
        }
        if (!Files.isExecutable(p.resolve("bin").resolve("go"))) {
          wrong.add("bin/go is missing");
        }
        if (!wrong.isEmpty()) {
          String bare = name.substring(2);
          out.add(
              Finding.error(
                  "damaged-toolchain",
                  p + " is damaged: " + String.join(", ", wrong),
                  "reinstall it: govern uninstall " + bare + " && govern install " + bare));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private void caches(List<Finding> out) {
    Path dir = home.cache();
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> metas;
    try (Stream<Path> s = Files.walk(dir)) {
      metas = s.filter(p -> p.getFileName().toString().endsWith(".meta")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    for (Path meta : metas) {
      String file = meta.getFileName().toString();
      String name = file.substring(0, file.length() - ".meta".length());
      try {
        new DocumentCache(meta.getParent())
            .get(name)
            .filter(e -> e.age(now).compareTo(maxCacheAge) > 0)
            .ifPresent(
                e ->
                    out.add(
                        Finding.warning(
                            "stale-cache",
                            e.file()
                                + " was fetched "
                                + e.age(now).toDays()
                                + " days ago ("
                                + e.fetched()
                                + "), older than "
                                + maxCacheAge.toDays()
                                + " days",
                            "refresh it: govern list-remote (release index) or govern vulns"
                                + " (vulnerability database), without --offline")));
      } catch (GovernException e) {
        out.add(Finding.warning("damaged-cache", e.getMessage(), "delete " + meta));
      }
    }
  }
}
