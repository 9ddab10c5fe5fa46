package dev.govern.cli.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code govern --version}: prints {@code govern <version>}. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"govern " + version()};
  }

  /** The version stamped into the jar at build time. */
  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("/govern-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
