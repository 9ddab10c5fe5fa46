package dev.govern.core.governance;

import dev.govern.core.GovernException;
import dev.govern.core.fleet.ClassRules;
import dev.govern.core.fleet.Condition;
import dev.govern.core.governance.YamlNode.Mapping;
import dev.govern.core.governance.YamlNode.Member;
import dev.govern.core.governance.YamlNode.Scalar;
import dev.govern.core.governance.YamlNode.Sequence;
import dev.govern.core.governance.policy.Denial;
import dev.govern.core.governance.policy.Policy;
import dev.govern.core.governance.policy.RuleLevel;
import dev.govern.core.version.VersionRange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads the {@code policy:} and {@code classes:} sections of a governance file into a {@link
 * Policy} and {@link ClassRules}; every wrong key or value names file, line and column.
 */
public final class PolicyReader extends YamlFields {
  private static final String[] RULE_KEYS = {
    "allow", "deny", "supported", "vulnerabilities", "max_patch_lag", "patch_lag", "consistency"
  };

  private PolicyReader(String where) {
    super(where);
  }

  /** The policy of {@code file}; an empty policy when the file has no {@code policy:} section. */
  public static Policy policy(GovernanceFile file) {
    PolicyReader r = new PolicyReader(file.source().toString());
    return file.policy()
        .filter(n -> !isNull(n))
        .map(n -> r.rules(n, "policy", true))
        .orElse(Policy.empty());
  }

  /** The class rules of {@code file}; the defaults when it has no {@code classes:} section. */
  public static ClassRules classes(GovernanceFile file) {
    PolicyReader r = new PolicyReader(file.source().toString());
    return file.classes().filter(n -> !isNull(n)).map(r::classRules).orElse(ClassRules.defaults());
  }

  private Policy rules(YamlNode node, String path, boolean top) {
    Mapping m = mapping(node, path);
    List<String> allowed = new ArrayList<>(List.of(RULE_KEYS));
    if (top) {
      allowed.add("environments");
    }
    allowOnly(m, path, allowed.toArray(String[]::new));
    Optional<VersionRange> allow =
        Optional.ofNullable(optionalScalar(m, "allow", path)).map(s -> range(s, path + ".allow"));
    List<Denial> deny = denials(m.members().get("deny"), path + ".deny");
    Optional<RuleLevel> supported = level(m, "supported", path);
    Optional<RuleLevel> stdlib = Optional.empty();
    Optional<RuleLevel> toolchain = Optional.empty();
    Optional<RuleLevel> modules = Optional.empty();
    Member vulns = m.members().get("vulnerabilities");
    if (vulns != null && !isNull(vulns.value())) {
      String vp = path + ".vulnerabilities";
      if (vulns.value() instanceof Scalar s) {
        RuleLevel all = levelOf(s, vp);
        stdlib = Optional.of(all);
        toolchain = Optional.of(all);
        modules = Optional.of(all);
      } else {
        Mapping vm = mapping(vulns.value(), vp);
        allowOnly(vm, vp, "stdlib", "toolchain", "modules");
        stdlib = level(vm, "stdlib", vp);
        toolchain = level(vm, "toolchain", vp);
        modules = level(vm, "modules", vp);
      }
    }
    Member lag = m.members().get("max_patch_lag");
    OptionalInt maxLag =
        lag == null || isNull(lag.value())
            ? OptionalInt.empty()
            : OptionalInt.of(nonNegativeInt(lag.value(), path + ".max_patch_lag"));
    Optional<RuleLevel> patchLag = level(m, "patch_lag", path);
    Optional<RuleLevel> consistency = level(m, "consistency", path);
    Map<String, Policy> envs = new LinkedHashMap<>();
    Member envNode = top ? m.members().get("environments") : null;
    if (envNode != null && !isNull(envNode.value())) {
      for (Member e : mapping(envNode.value(), path + ".environments").members().values()) {
        envs.put(e.key().text(), rules(e.value(), path + ".environments." + e.key().text(), false));
      }
    }
    return new Policy(
        allow, deny, supported, stdlib, toolchain, modules, maxLag, patchLag, consistency, envs);
  }

  private List<Denial> denials(Member member, String path) {
    List<Denial> out = new ArrayList<>();
    if (member == null || isNull(member.value())) {
      return out;
    }
    if (!(member.value() instanceof Sequence seq)) {
      throw error(
          member.value(),
          path
              + ": expected a list of {versions, reason, advisories}, found "
              + member.value().describe());
    }
    for (int i = 0; i < seq.items().size(); i++) {
      String p = path + "[" + i + "]";
      Mapping d = mapping(seq.items().get(i), p);
      allowOnly(d, p, "versions", "reason", "advisories");
      VersionRange versions = range(requireScalar(d, "versions", p), p + ".versions");
      String reason = requireScalar(d, "reason", p).text();
      List<String> advisories = new ArrayList<>();
      Member adv = d.members().get("advisories");
      if (adv != null && !isNull(adv.value())) {
        if (!(adv.value() instanceof Sequence as)) {
          throw error(
              adv.value(),
              p
                  + ".advisories: expected a list of ids like [GO-2024-2687], found "
                  + adv.value().describe());
        }
        for (YamlNode id : as.items()) {
          if (!(id instanceof Scalar s)
              || !s.text().matches("GO-\\d{4}-\\d+|CVE-\\d{4}-\\d+|GHSA(-[a-z0-9]{4}){3}")) {
            throw error(
                id,
                p
                    + ".advisories: expected an advisory id like GO-2024-2687, found "
                    + id.describe());
          }
          advisories.add(s.text());
        }
      }
      out.add(new Denial(versions, reason, List.copyOf(advisories)));
    }
    return List.copyOf(out);
  }

  private ClassRules classRules(YamlNode node) {
    Mapping m = mapping(node, "classes");
    allowOnly(m, "classes", "red", "yellow");
    return new ClassRules(conditions(m, "red"), conditions(m, "yellow"));
  }

  private Set<Condition> conditions(Mapping m, String key) {
    Set<Condition> out = EnumSet.noneOf(Condition.class);
    Member member = m.members().get(key);
    if (member == null || isNull(member.value())) {
      return out;
    }
    String path = "classes." + key;
    if (!(member.value() instanceof Sequence seq)) {
      throw error(
          member.value(),
          path + ": expected a list of conditions, found " + member.value().describe());
    }
    for (YamlNode item : seq.items()) {
      String word = item instanceof Scalar s ? s.text() : "";
      Condition c =
          Condition.ofWord(word)
              .orElseThrow(
                  () ->
                      error(
                          item,
                          path
                              + ": unknown condition "
                              + item.describe()
                              + " (expected one of "
                              + String.join(
                                  ", ",
                                  EnumSet.allOf(Condition.class).stream()
                                      .map(Condition::word)
                                      .toList())
                              + ")"));
      out.add(c);
    }
    return out;
  }

  private Optional<RuleLevel> level(Mapping m, String key, String path) {
    Scalar s = optionalScalar(m, key, path);
    return s == null ? Optional.empty() : Optional.of(levelOf(s, path + "." + key));
  }

  private RuleLevel levelOf(Scalar s, String path) {
    RuleLevel l = RuleLevel.ofWord(s.text());
    if (l == null) {
      throw error(s, path + ": expected fail, warn or off, found " + s.describe());
    }
    return l;
  }

  private VersionRange range(Scalar s, String path) {
    try {
      return VersionRange.parse(s.text());
    } catch (GovernException e) {
      throw error(s, path + ": " + e.getMessage());
    }
  }
}
