package dev.govern.cli.upgrade;

import dev.govern.core.config.Settings;
import dev.govern.core.facts.ReleaseFacts;
import dev.govern.core.facts.VulnFacts;
import dev.govern.core.fleet.ScanStore;
import dev.govern.core.governance.DecisionReader;
import dev.govern.core.governance.GovernanceFile;
import dev.govern.core.governance.PolicyReader;
import dev.govern.core.governance.policy.EffectivePolicy;
import dev.govern.core.governance.policy.Policy;
import dev.govern.core.upgrade.DecisionMatrix;
import dev.govern.core.upgrade.DecisionRules;
import dev.govern.core.upgrade.FleetShare;
import dev.govern.core.upgrade.GodebugHistory;
import dev.govern.core.upgrade.ImpactAnalysis;
import java.time.LocalDate;
import java.util.Optional;

/** Wires a {@link DecisionMatrix} from the governance file, the saved fleet scan and the facts. */
public final class DecisionSetup {
  private DecisionSetup() {}

  /** The decision rules of the governance file, the defaults without one. */
  public static DecisionRules rules(Optional<GovernanceFile> gov) {
    return gov.map(DecisionReader::rules).orElse(DecisionRules.defaults());
  }

  public static DecisionMatrix matrix(
      Settings settings,
      Optional<GovernanceFile> gov,
      String env,
      ReleaseFacts releases,
      VulnFacts vulns,
      LocalDate day) {
    Policy policy = gov.map(PolicyReader::policy).orElse(Policy.empty());
    EffectivePolicy effective = policy.forEnvironment(env).effective();
    FleetShare fleet = new FleetShare(new ScanStore(settings.home().scans()).latest());
    return new DecisionMatrix(
        new ImpactAnalysis(GodebugHistory.builtIn(), releases, vulns, day),
        releases,
        vulns,
        day,
        rules(gov),
        fleet,
        effective::permits);
  }
}
