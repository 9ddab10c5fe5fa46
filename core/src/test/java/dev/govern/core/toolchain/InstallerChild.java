package dev.govern.core.toolchain;

import dev.govern.core.archive.UnpackLimits;
import dev.govern.core.config.GovernHome;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.version.GoVersion;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;

/**
 * An installer in its own JVM, for crash tests: {@code home url file sha256 size version pauseAt}.
 * It prints {@code STEP n name} at each step; at step {@code pauseAt} (0: never) it prints {@code
 * PAUSED n name} and waits to be killed.
 */
public final class InstallerChild {
  private InstallerChild() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    URI url = URI.create(args[1]);
    String file = args[2];
    String sha = args[3];
    long size = Long.parseLong(args[4]);
    GoVersion version = GoVersion.parse(args[5]);
    int pauseAt = Integer.parseInt(args[6]);
    PrintStream out = System.out;
    int[] n = {0};
    InstallProbe probe =
        step -> {
          n[0]++;
          if (n[0] == pauseAt) {
            out.println("PAUSED " + n[0] + " " + step);
            out.flush();
            try {
              Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          out.println("STEP " + n[0] + " " + step);
        };
    Installer installer =
        new Installer(
            new ToolchainStore(new GovernHome(home)),
            new UrlFetcher(),
            UnpackLimits.defaults(),
            probe,
            DownloadProgress.NONE);
    Installer.Result r = installer.install(version, new ArchiveOrigin.Remote(url, file, sha, size));
    out.println("DONE " + (r.alreadyInstalled() ? "already" : "installed") + " steps=" + n[0]);
    out.flush();
  }
}
