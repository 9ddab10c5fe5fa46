package dev.govern.core.deploy;

import dev.govern.core.GovernException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How a target's service is restarted and checked. A deploy remembers them in the target state, so
 * a rollback (or a re-run) needs none of them on its command line.
 *
 * @param restart the restart command ({@code /bin/sh -c}), or null
 * @param healthUrl a URL that must answer 2xx, or null
 * @param healthCommand a command that must exit 0, or null
 * @param healthTimeout how long to wait for health, or null for the default
 */
public record DeployChecks(
    String restart, String healthUrl, String healthCommand, Duration healthTimeout) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public DeployChecks {
    if (healthUrl != null && healthCommand != null) {
      throw GovernException.usage("give either --health-url or --health, not both");
    }
    if (healthUrl != null) {
      try {
        URI u = new URI(healthUrl);
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())
            || u.getHost() == null) {
          throw new URISyntaxException(healthUrl, "not an http(s) URL with a host");
        }
      } catch (URISyntaxException e) {
        throw GovernException.usage("--health-url: not an http(s) URL: \"" + healthUrl + "\"");
      }
    }
  }

  /** Nothing given. */
  public static DeployChecks none() {
    return new DeployChecks(null, null, null, null);
  }

  /** These checks, with what is not given taken from what {@code state} remembers. */
  public DeployChecks over(TargetState state) {
    boolean health = healthUrl != null || healthCommand != null;
    return new DeployChecks(
        restart != null ? restart : state.restart(),
        health ? healthUrl : state.healthUrl(),
        health ? healthCommand : state.healthCommand(),
        healthTimeout != null
            ? healthTimeout
            : state.healthTimeoutMs() == null ? null : Duration.ofMillis(state.healthTimeoutMs()));
  }

  public Duration timeout() {
    return healthTimeout == null ? DEFAULT_TIMEOUT : healthTimeout;
  }

  /** The health check these settings describe. */
  public HealthCheck healthCheck(Path dir, Map<String, String> env) {
    if (healthUrl != null) {
      return HealthCheck.url(URI.create(healthUrl));
    }
    if (healthCommand != null) {
      return HealthCheck.command(healthCommand, dir, env);
    }
    return HealthCheck.NONE;
  }

  /** The state remembering these settings. */
  public TargetState into(TargetState state) {
    return state.withChecks(
        restart, healthUrl, healthCommand, healthTimeout == null ? null : healthTimeout.toMillis());
  }
}
