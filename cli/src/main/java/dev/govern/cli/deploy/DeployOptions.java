package dev.govern.cli.deploy;

import dev.govern.core.config.DurationText;
import dev.govern.core.deploy.DeployChecks;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options {@code release deploy} and {@code release rollback} share. */
public final class DeployOptions {
  @Option(
      names = "--target",
      required = true,
      paramLabel = "DIR",
      description = "The deploy folder (DIR/current -> DIR/releases/<id>).")
  public Path target;

  @Option(
      names = "--restart",
      paramLabel = "CMD",
      description = {
        "Restarts the service (sh -c, in DIR), e.g. \"systemctl restart svc\".",
        "Default: the one the last deploy of DIR used."
      })
  public String restart;

  @Option(
      names = "--health-url",
      paramLabel = "URL",
      description = "Healthy when it answers 2xx (default: the last deploy's check).")
  public String healthUrl;

  @Option(
      names = "--health",
      paramLabel = "CMD",
      description = "Healthy when this command exits 0 (default: the last deploy's check).")
  public String health;

  @Option(
      names = "--health-timeout",
      paramLabel = "DURATION",
      description = "How long to wait for health, e.g. 30s (the default), 500ms, 2m.")
  public String healthTimeout;

  @Option(
      names = "--restart-timeout",
      paramLabel = "DURATION",
      defaultValue = "5m",
      description = "The limit for the restart command (default 5m).")
  public String restartTimeout;

  @Option(names = "--reason", paramLabel = "R", description = "Why; recorded in the ledger.")
  public String reason;

  @Option(
      names = "--wait",
      description = "Wait for another deploy of DIR to finish instead of failing.")
  public boolean queue;

  DeployChecks checks() {
    return new DeployChecks(
        restart,
        healthUrl,
        health,
        healthTimeout == null ? null : DurationText.parse(healthTimeout, "--health-timeout"));
  }

  Duration restartLimit() {
    return DurationText.parse(restartTimeout, "--restart-timeout");
  }
}
