package dev.govern.cli.gate;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.fleet.ClassRules;
import dev.govern.core.fleet.Condition;
import dev.govern.core.governance.GovernanceFile;
import dev.govern.core.governance.PolicyReader;
import dev.govern.core.governance.policy.Denial;
import dev.govern.core.governance.policy.EffectivePolicy;
import dev.govern.core.governance.policy.Policy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code govern policy check FILE}: validates a governance file and prints its effective rules. */
@Command(
    name = "policy",
    description = "Check a governance file's policy.",
    subcommands = PolicyCheckCommand.Check.class)
public final class PolicyCheckCommand extends BaseCommand {
  @Override
  protected int run() {
    spec.commandLine().usage(err());
    return 2;
  }

  /** The {@code --json} document. */
  record Rules(
      int schemaVersion,
      String file,
      Map<String, EffectiveJson> effective,
      List<String> red,
      List<String> yellow)
      implements JsonDocument {}

  record EffectiveJson(
      String allow,
      List<Map<String, Object>> deny,
      String supported,
      String stdlib,
      String toolchain,
      String modules,
      int maxPatchLag,
      String patchLag,
      String consistency) {
    static EffectiveJson of(EffectivePolicy p) {
      List<Map<String, Object>> deny = new ArrayList<>();
      for (Denial d : p.deny()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("versions", d.versions().toString());
        m.put("reason", d.reason());
        m.put("advisories", d.advisories());
        deny.add(m);
      }
      return new EffectiveJson(
          p.allow().map(Object::toString).orElse("*"),
          deny,
          p.supported().word(),
          p.stdlib().word(),
          p.toolchain().word(),
          p.modules().word(),
          p.maxPatchLag(),
          p.patchLag().word(),
          p.consistency().word());
    }
  }

  /** {@code govern policy check FILE}. */
  @Command(
      name = "check",
      description = "Validate a governance file; print the effective rules per environment.")
  static final class Check extends BaseCommand {
    @Parameters(paramLabel = "FILE", description = "The governance file (govern.yaml).")
    Path file;

    @Mixin JsonFlag json;

    @Override
    protected int run() {
      GovernanceFile gov = GovernanceFile.load(cwd().resolve(file));
      Policy policy = PolicyReader.policy(gov);
      ClassRules classes = PolicyReader.classes(gov);
      Map<String, EffectiveJson> effective = new LinkedHashMap<>();
      effective.put("(default)", EffectiveJson.of(policy.effective()));
      List<String> envs = new ArrayList<>(gov.environments().keySet());
      policy.environments().keySet().stream().filter(e -> !envs.contains(e)).forEach(envs::add);
      for (String e : envs) {
        effective.put(e, EffectiveJson.of(policy.forEnvironment(e).effective()));
      }
      Rules rules =
          new Rules(
              1,
              file.toString(),
              effective,
              classes.red().stream().map(Condition::word).toList(),
              classes.yellow().stream().map(Condition::word).toList());
      if (json.json) {
        JsonOutput.print(out(), rules);
        return 0;
      }
      out().println(file + ": valid");
      for (Map.Entry<String, EffectiveJson> e : effective.entrySet()) {
        EffectiveJson r = e.getValue();
        out().println();
        out().println(e.getKey() + ":");
        out().println("  allow:          " + r.allow());
        for (Map<String, Object> d : r.deny()) {
          out()
              .println(
                  "  deny:           "
                      + d.get("versions")
                      + "  ("
                      + d.get("reason")
                      + (((List<?>) d.get("advisories")).isEmpty()
                          ? ""
                          : "; " + d.get("advisories"))
                      + ")");
        }
        out().println("  supported:      " + r.supported());
        out()
            .println(
                "  vulnerabilities: stdlib "
                    + r.stdlib()
                    + ", toolchain "
                    + r.toolchain()
                    + ", modules "
                    + r.modules());
        out().println("  patch lag:      at most " + r.maxPatchLag() + " (" + r.patchLag() + ")");
        out().println("  consistency:    " + r.consistency());
      }
      out().println();
      out()
          .println(
              "classes: red = "
                  + String.join(", ", rules.red())
                  + "; yellow = "
                  + String.join(", ", rules.yellow())
                  + "; else green");
      out().flush();
      return 0;
    }
  }
}
