package dev.govern.cli.approval;

import dev.govern.cli.remote.ServerClient;
import dev.govern.core.GovernException;
import dev.govern.core.config.Settings;
import picocli.CommandLine.Option;

/** {@code --server URL}: the team server the approval commands talk to. */
public final class ServerOption {
  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "The team server (default: GOVERN_SERVER); the token comes from GOVERN_TOKEN.")
  String server;

  ServerClient client(Settings settings) {
    String url = server != null ? server : settings.get("server").orElse(null);
    if (url == null) {
      throw GovernException.usage("which server? give --server URL or set GOVERN_SERVER");
    }
    return ServerClient.of(url, settings);
  }
}
