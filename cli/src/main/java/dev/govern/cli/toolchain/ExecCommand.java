package dev.govern.cli.toolchain;

import dev.govern.cli.support.BaseCommand;
import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;
import dev.govern.core.toolchain.Resolver;
import dev.govern.core.toolchain.ShellEnv;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code govern exec <v> -- cmd…}: runs one command with a given toolchain. */
@Command(
    name = "exec",
    description = "Run a command with a Go version: govern exec 1.22.4 [--] go test -v ./...",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"N:the command's own exit code", "3:the version is not installed"})
public final class ExecCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "VERSION", description = "An installed version")
  String version;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "CMD", description = "After --")
  List<String> command;

  @Override
  protected int run() throws InterruptedException {
    GovernHome home = settings().home();
    String name = VersionArgument.resolve(home, version).name();
    Path goroot = home.toolchain(name);
    if (!Files.isDirectory(goroot)) {
      throw GovernException.precondition(
          name + " is not installed", "run: govern install " + name.substring(2));
    }
    Map<String, String> vars = new java.util.HashMap<>(settings().env());
    vars.putAll(ShellEnv.of(goroot, settings().env()));
    vars.put(Resolver.VARIABLE, name);
    List<String> argv = new java.util.ArrayList<>(command);
    if (argv.get(0).equals("--")) {
      argv.remove(0);
    }
    if (argv.isEmpty()) {
      throw GovernException.usage("missing the command to run after --");
    }
    argv.set(0, lookPath(argv.get(0), vars.getOrDefault("PATH", "")));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd().toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.putAll(vars);
    pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw GovernException.notFound("cannot run " + command.get(0) + ": " + e.getMessage(), null);
    }
    Thread o = pump(p.getInputStream(), out());
    Thread e = pump(p.getErrorStream(), err());
    int code = p.waitFor();
    o.join();
    e.join();
    return code;
  }

  /** The program as the child's PATH finds it (the JVM would search its own PATH). */
  static String lookPath(String program, String path) {
    if (program.contains("/")) {
      return program;
    }
    for (String dir : path.split(":")) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return program;
  }

  private static Thread pump(InputStream in, PrintWriter to) {
    Thread t =
        new Thread(
            () -> {
              char[] buf = new char[8192];
              try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                int n;
                while ((n = r.read(buf)) > 0) {
                  synchronized (to) {
                    to.write(buf, 0, n);
                    to.flush();
                  }
                }
              } catch (IOException ignored) {
                // the child closed its stream
              }
            },
            "govern-exec-output");
    t.start();
    return t;
  }
}
