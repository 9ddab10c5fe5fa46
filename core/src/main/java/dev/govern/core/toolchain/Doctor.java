package dev.govern.core.toolchain;

import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;
import dev.govern.core.net.DocumentCache;
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
import java.util.stream.Stream;

/**
 * Diagnoses the setup a person is most likely to get wrong in an emergency: another {@code go}
 * ahead of the shims, a hand-exported GOROOT, GOTOOLCHAIN=auto where Go would download, the shell
 * integration not loaded, a pinned or default version not installed, damaged toolchains, shims out
 * of date, and stale knowledge caches.
 */
public final class Doctor {

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
    selection(out);
    defaults(out);
    goRules(out);
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

  /**
   * What the go command's rules make of the selection here (GOTOOLCHAIN, the go and toolchain lines
   * of go.work/go.mod): a toolchain they ask for that is not installed fails every go command; one
   * replaced by a newer installed toolchain runs, but not the very version Go would run.
   */
  private void goRules(List<Finding> out) {
    Resolution r;
    try {
      r = new Resolver(home).resolve(cwd, env);
    } catch (GovernException e) {
      if (e.getMessage().startsWith("invalid GOTOOLCHAIN")
          || e.getMessage().startsWith("invalid toolchain")) {
        out.add(
            Finding.error(
                "bad-gotoolchain",
                e.getMessage(),
                "use local, auto, path, go1.N.P, go1.N.P+auto or go1.N.P+path; toolchain lines name go1.N.P"));
      }
      return;
    }
    if (r.missing() != null && !r.installed()) {
      out.add(
          Finding.error(
              "required-toolchain-not-installed",
              r.missing().replaceFirst("; run: .*", ""),
              "run: govern install " + r.bare()));
    } else if (r.wanted() != null) {
      out.add(
          Finding.warning(
              "toolchain-substituted",
              r.note(),
              "to run the very toolchain the go command would: govern install "
                  + r.wanted().substring(2)));
    }
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
