package dev.govern.core.goproxy;

import dev.govern.core.GovernException;
import dev.govern.core.net.UrlFetcher;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Credentials for HTTPS requests to module proxies, from GOAUTH as the go command reads it: a
 * {@code ;}-separated list of {@code off}, {@code netrc} ({@code $NETRC} or {@code ~/.netrc}),
 * {@code git <absolute dir>} ({@code git credential fill}, after a 4xx answer) and commands whose
 * output is credential sets ({@code https://} URL lines, a blank line, header lines, a blank line),
 * run once before the first request and again with the URL and the response after a 4xx answer.
 * Earlier entries win. A URL gets the headers stored for its longest prefix (host, then path
 * elements). Plain http requests get no credentials; a proxy URL's own {@code user:password@} is
 * sent as basic authentication over https and refused over http.
 */
public final class GoAuth implements UrlFetcher.Credentials {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  private final List<String[]> commands;
  private final Map<String, String> env;
  private final Map<String, Map<String, List<String>>> byPrefix = new HashMap<>();
  private final Map<String, Map<String, List<String>>> proxyUsers = new HashMap<>();
  private boolean initialized;

  private GoAuth(List<String[]> commands, Map<String, String> env) {
    this.commands = commands;
    this.env = env;
  }

  /**
   * Reads GOAUTH.
   *
   * @throws GovernException INVALID_INPUT naming GOAUTH when it is malformed
   */
  public static GoAuth from(GoEnv goEnv) {
    String goauth = goEnv.goauth();
    List<String[]> cmds = new ArrayList<>();
    String[] parts = goauth.split(";", -1);
    for (String part : parts) {
      String[] words = part.strip().isEmpty() ? new String[0] : part.strip().split("\\s+");
      if (words.length == 0) {
        throw GovernException.invalidInput("GOAUTH \"" + goauth + "\" has an empty command");
      }
      if (words[0].equals("off") && parts.length != 1) {
        throw GovernException.invalidInput(
            "GOAUTH=off cannot be combined with other authentication commands (GOAUTH="
                + goauth
                + ")");
      }
      if (words[0].equals("git")
          && (words.length != 2
              || !Path.of(words[1]).isAbsolute()
              || !Files.isDirectory(Path.of(words[1])))) {
        throw GovernException.invalidInput(
            "GOAUTH=git needs the absolute path of a git working directory (GOAUTH="
                + goauth
                + ")");
      }
      cmds.add(words);
    }
    Collections.reverse(cmds); // the first entry is stored last, so it wins
    return new GoAuth(cmds, goEnv.environment());
  }

  /**
   * Sends {@code user:password} as basic authentication to URLs under {@code base}.
   *
   * @throws GovernException INVALID_INPUT for a plain http URL (credentials would travel in clear)
   */
  public void addProxyUser(URI base, String userInfo) {
    if (!"https".equalsIgnoreCase(base.getScheme())) {
      throw GovernException.invalidInput(
          "refusing to pass credentials to insecure URL: "
              + base.getScheme()
              + "://"
              + base.getHost()
              + base.getPath());
    }
    String user = userInfo;
    String password = "";
    int colon = userInfo.indexOf(':');
    if (colon >= 0) {
      user = userInfo.substring(0, colon);
      password = userInfo.substring(colon + 1);
    }
    proxyUsers.put(key(base.toString()), basic(user, password));
  }

  @Override
  public synchronized Map<String, List<String>> headers(URI uri) {
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      return Map.of();
    }
    Map<String, List<String>> own = lookup(proxyUsers, uri.toString());
    if (own != null) {
      return own;
    }
    if (!initialized) {
      initialized = true;
      run(null, null, null);
    }
    Map<String, List<String>> h = lookup(byPrefix, uri.toString());
    return h == null ? Map.of() : h;
  }

  @Override
  public synchronized Optional<Map<String, List<String>>> retry(
      URI uri, int status, Map<String, List<String>> responseHeaders) {
    if (!"https".equalsIgnoreCase(uri.getScheme()) || lookup(proxyUsers, uri.toString()) != null) {
      return Optional.empty();
    }
    Map<String, List<String>> before = lookup(byPrefix, uri.toString());
    run(uri.toString(), status, responseHeaders);
    Map<String, List<String>> after = lookup(byPrefix, uri.toString());
    return after == null || after.equals(before) ? Optional.empty() : Optional.of(after);
  }

  private void run(String url, Integer status, Map<String, List<String>> response) {
    for (String[] words : commands) {
      switch (words[0]) {
        case "off" -> {
          return;
        }
        case "netrc" -> {
          if (url == null) {
            try {
              List<Netrc.Line> lines = Netrc.read(Netrc.path(env));
              for (int i = lines.size() - 1; i >= 0; i--) {
                Netrc.Line l = lines.get(i);
                byPrefix.put(key(l.machine()), basic(l.login(), l.password()));
              }
            } catch (IOException e) {
              // an unreadable .netrc gives no credentials, as for the go command
            }
          }
        }
        case "git" -> {
          if (url != null) {
            gitCredential(words[1], url);
          }
        }
        default -> command(words, url, status, response);
      }
    }
  }

  private void command(String[] words, String url, Integer status, Map<String, List<String>> res) {
    List<String> argv = new ArrayList<>(List.of(words));
    if (url != null) {
      argv.add(url);
    }
    String stdin = "";
    if (url != null && status != null) {
      StringBuilder b = new StringBuilder("HTTP/1.1 " + status + "\n");
      res.forEach((k, vs) -> vs.forEach(v -> b.append(k).append(": ").append(v).append('\n')));
      stdin = b.append('\n').toString();
    }
    String out = exec(argv, stdin, null);
    if (out != null) {
      parseCredentialSets(out).forEach(byPrefix::put);
    }
  }

  /** Credential sets: URL lines, a blank line, header lines, a blank line; repeated. */
  static Map<String, Map<String, List<String>>> parseCredentialSets(String out) {
    Map<String, Map<String, List<String>>> result = new LinkedHashMap<>();
    String[] lines = out.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      List<String> urls = new ArrayList<>();
      while (i < lines.length && !lines[i].isEmpty()) {
        if (!lines[i].startsWith("https://")) {
          return result; // malformed output: keep what was complete
        }
        urls.add(lines[i++]);
      }
      if (urls.isEmpty() || i >= lines.length) {
        return result;
      }
      i++; // the blank line after the URLs
      Map<String, List<String>> headers = new LinkedHashMap<>();
      while (i < lines.length && !lines[i].isEmpty()) {
        int colon = lines[i].indexOf(':');
        if (colon <= 0) {
          return result;
        }
        headers
            .computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).strip());
        i++;
      }
      if (i >= lines.length) {
        return result;
      }
      i++; // the closing blank line
      for (String u : urls) {
        result.put(key(u), headers);
      }
    }
    return result;
  }

  private void gitCredential(String dir, String url) {
    URI u = URI.create(url);
    String input = "protocol=https\nhost=" + u.getHost() + "\npath=" + u.getPath() + "\n\n";
    String out = exec(List.of("git", "credential", "fill"), input, Path.of(dir));
    if (out == null) {
      return;
    }
    String user = null;
    String password = null;
    for (String line : out.split("\n")) {
      if (line.startsWith("username=")) {
        user = line.substring(9);
      } else if (line.startsWith("password=")) {
        password = line.substring(9);
      }
    }
    if (user != null && password != null) {
      byPrefix.put(key("https://" + u.getHost() + u.getPath()), basic(user, password));
    }
  }

  private static String exec(List<String> argv, String stdin, Path dir) {
    try {
      ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD);
      if (dir != null) {
        pb.directory(dir.toFile());
      }
      Process p = pb.start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      byte[] out = p.getInputStream().readNBytes(1 << 20);
      if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      return null; // a GOAUTH command that cannot run gives no credentials, as for go
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static Map<String, List<String>> lookup(
      Map<String, Map<String, List<String>>> table, String url) {
    String prefix = key(url);
    while (true) {
      Map<String, List<String>> h = table.get(prefix);
      if (h != null) {
        return h;
      }
      int slash = prefix.lastIndexOf('/');
      if (slash < 0) {
        return null;
      }
      prefix = prefix.substring(0, slash);
    }
  }

  /** {@code https://host/path/} → {@code host/path}. */
  private static String key(String url) {
    String k = url.startsWith("https://") ? url.substring(8) : url;
    int q = k.indexOf('?');
    if (q >= 0) {
      k = k.substring(0, q);
    }
    return k.endsWith("/") ? k.substring(0, k.length() - 1) : k;
  }

  private static Map<String, List<String>> basic(String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return Map.of("Authorization", List.of("Basic " + token));
  }
}
