package dev.govern.cli.support;

import dev.govern.core.GovernException;
import dev.govern.core.config.Settings;
import dev.govern.core.fleet.ClassRules;
import dev.govern.core.governance.GovernanceFile;
import dev.govern.core.governance.GovernanceLocator;
import dev.govern.core.governance.PolicyReader;
import dev.govern.core.governance.policy.Policy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of commands that judge versions against the governance file (gate, scan): which file,
 * which environment's overrides, and the day support is judged on.
 */
public final class PolicyOptions {
  @Option(
      names = {"--policy", "--governance"},
      paramLabel = "FILE",
      description =
          "The governance file (default: GOVERN_GOVERNANCE, else the nearest govern.yaml walking up).")
  public String file;

  @Option(
      names = "--env",
      paramLabel = "ENV",
      description = "Apply this environment's policy overrides.")
  public String env;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Judge support as of this day (default: today).")
  public LocalDate asOf;

  /** The policy and class rules that apply, from a whole, valid governance file. */
  public record Rules(Optional<Path> file, Policy policy, ClassRules classes) {}

  /**
   * Loads the governance file found from {@code start}; without one every rule is a warning (said
   * through {@code warn}) and the default classes apply. An {@code --env} the file does not name is
   * a usage error.
   */
  public Rules load(Settings settings, Path start, java.util.function.Consumer<String> warn) {
    Optional<Path> found = GovernanceLocator.locate(file, settings, start);
    if (found.isEmpty()) {
      warn.accept("no governance file found (govern.yaml): every rule applies as a warning");
      return new Rules(Optional.empty(), Policy.empty(), ClassRules.defaults());
    }
    GovernanceFile gov = GovernanceFile.load(found.get());
    Policy policy = PolicyReader.policy(gov);
    ClassRules classes = PolicyReader.classes(gov);
    if (env != null && !policy.environments().containsKey(env) && gov.environment(env).isEmpty()) {
      throw GovernException.usage(
          "environment \""
              + env
              + "\" is not in "
              + found.get()
              + " (neither environments: nor policy.environments:)");
    }
    return new Rules(found, policy, classes);
  }

  /** {@code --as-of}, else today (UTC). */
  public LocalDate day() {
    return asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
  }
}
