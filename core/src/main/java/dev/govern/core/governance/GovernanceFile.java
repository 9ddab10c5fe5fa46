package dev.govern.core.governance;

import dev.govern.core.GovernException;
import dev.govern.core.approval.ApprovalRule;
import dev.govern.core.governance.YamlNode.Mapping;
import dev.govern.core.governance.YamlNode.Member;
import dev.govern.core.governance.YamlNode.Scalar;
import dev.govern.core.governance.YamlNode.Sequence;
import dev.govern.core.ledger.Ed25519Keys;
import dev.govern.core.ledger.LedgerPolicy;
import dev.govern.core.ledger.TrustedKey;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The team's governance file ({@code govern.yaml}): the environments table, trusted ledger keys,
 * approvals and ledger rules. {@code policy:} and {@code classes:} are accepted and kept as
 * positioned YAML for the policy engine. Unknown keys and bad values are errors naming file, line
 * and column.
 *
 * @param source where it was read from
 * @param text the file's text (edits splice it)
 * @param root the parsed document (null for an empty file)
 * @param environments name → row, in file order
 * @param keys trusted ledger signers
 * @param approvals environment → distinct approvers a change needs
 * @param approvalRules environment → its whole approval rule (groups, expiry, policy, emergency)
 * @param ledger the ledger rules
 * @param policy the {@code policy:} section as written, if any
 * @param classes the {@code classes:} section as written, if any
 * @param decision the {@code decision:} section as written, if any (see {@link DecisionReader})
 */
public record GovernanceFile(
    Path source,
    String text,
    Mapping root,
    Map<String, Environment> environments,
    List<TrustedKey> keys,
    Map<String, Integer> approvals,
    Map<String, ApprovalRule> approvalRules,
    LedgerPolicy ledger,
    Optional<YamlNode> policy,
    Optional<YamlNode> classes,
    Optional<YamlNode> decision) {

  /** The top-level sections this version understands. */
  public static final Set<String> SECTIONS =
      Set.of("environments", "policy", "classes", "approvals", "keys", "ledger", "decision");

  public static GovernanceFile load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(file, text);
  }

  public static GovernanceFile parse(Path source, String text) {
    return new Parser(source.toString()).parse(source, text);
  }

  public Optional<Environment> environment(String name) {
    return Optional.ofNullable(environments.get(name));
  }

  /**
   * The approval rule of {@code environment}: the file's, else {@link ApprovalRule#defaultRule}.
   */
  public ApprovalRule approvalRule(String environment) {
    ApprovalRule r = approvalRules.get(environment);
    return r == null ? ApprovalRule.defaultRule() : r;
  }

  private static final class Parser extends YamlFields {
    Parser(String where) {
      super(where);
    }

    GovernanceFile parse(Path source, String text) {
      YamlNode doc = YamlReader.read(where, text);
      Mapping root;
      if (doc == null || doc instanceof Scalar s && s.isNull()) {
        root = null;
      } else if (doc instanceof Mapping m) {
        root = m;
      } else {
        throw error(
            doc, "the governance file must be a mapping of sections, found " + doc.describe());
      }
      Map<String, Environment> envs = new LinkedHashMap<>();
      List<TrustedKey> keys = new ArrayList<>();
      Map<String, ApprovalRule> approvals = new LinkedHashMap<>();
      LedgerPolicy ledger = LedgerPolicy.DEFAULT;
      YamlNode policy = null;
      YamlNode classes = null;
      YamlNode decision = null;
      if (root != null) {
        for (Member m : root.members().values()) {
          String k = m.key().text();
          YamlNode v = m.value();
          switch (k) {
            case "environments" -> envs = environments(v);
            case "keys" -> keys = keys(v);
            case "approvals" -> approvals = approvals(v);
            case "ledger" -> ledger = ledger(v);
            case "policy" -> policy = v;
            case "classes" -> classes = v;
            case "decision" -> decision = v;
            default ->
                throw error(
                    m.key(),
                    "unknown section \""
                        + k
                        + "\" (expected one of "
                        + String.join(", ", sorted(SECTIONS))
                        + ")");
          }
        }
      }
      return new GovernanceFile(
          source,
          text,
          root,
          java.util.Collections.unmodifiableMap(envs),
          List.copyOf(keys),
          java.util.Collections.unmodifiableMap(counts(approvals)),
          java.util.Collections.unmodifiableMap(approvals),
          ledger,
          Optional.ofNullable(policy),
          Optional.ofNullable(classes),
          Optional.ofNullable(decision));
    }

    private Map<String, Environment> environments(YamlNode v) {
      Map<String, Environment> out = new LinkedHashMap<>();
      if (isNull(v)) {
        return out;
      }
      Mapping m = mapping(v, "environments");
      for (Member e : m.members().values()) {
        String name = e.key().text();
        try {
          Environment.checkName(name);
        } catch (GovernException ex) {
          throw error(e.key(), ex.getMessage());
        }
        Mapping row = mapping(e.value(), "environments." + name);
        allowOnly(row, "environments." + name, "version", "since", "status", "note");
        String path = "environments." + name;
        Scalar ver = requireScalar(row, "version", path);
        GoVersion version;
        try {
          version = GoVersion.parse(ver.text());
        } catch (GovernException ex) {
          throw error(ver, path + ".version: " + ex.getMessage());
        }
        Scalar st = requireScalar(row, "status", path);
        EnvStatus status =
            EnvStatus.of(st.text())
                .orElseThrow(
                    () ->
                        error(
                            st,
                            path
                                + ".status: expected live, observing or suspended, found "
                                + st.describe()));
        LocalDate since = null;
        Scalar sn = optionalScalar(row, "since", path);
        if (sn != null) {
          try {
            since = LocalDate.parse(sn.text());
          } catch (DateTimeParseException ex) {
            throw error(
                sn, path + ".since: expected a date like 2024-06-15, found " + sn.describe());
          }
        }
        Scalar nt = optionalScalar(row, "note", path);
        out.put(name, new Environment(name, version, since, status, nt == null ? null : nt.text()));
      }
      return out;
    }

    private List<TrustedKey> keys(YamlNode v) {
      List<TrustedKey> out = new ArrayList<>();
      if (isNull(v)) {
        return out;
      }
      if (!(v instanceof Sequence seq)) {
        throw error(v, "keys: expected a list of {operator, ed25519}, found " + v.describe());
      }
      for (int i = 0; i < seq.items().size(); i++) {
        String path = "keys[" + i + "]";
        Mapping k = mapping(seq.items().get(i), path);
        allowOnly(k, path, "operator", "ed25519");
        Scalar op = requireScalar(k, "operator", path);
        Scalar pub = requireScalar(k, "ed25519", path);
        String at =
            where
                + ":"
                + pub.start().line()
                + ":"
                + pub.start().column()
                + ": "
                + path
                + ".ed25519";
        out.add(new TrustedKey(op.text(), Ed25519Keys.publicKey(pub.text(), at), where));
      }
      return out;
    }

    private static Map<String, Integer> counts(Map<String, ApprovalRule> rules) {
      Map<String, Integer> out = new LinkedHashMap<>();
      rules.forEach((k, r) -> out.put(k, r.required()));
      return out;
    }

    private Map<String, ApprovalRule> approvals(YamlNode v) {
      Map<String, ApprovalRule> out = new LinkedHashMap<>();
      if (isNull(v)) {
        return out;
      }
      for (Member e : mapping(v, "approvals").members().values()) {
        String path = "approvals." + e.key().text();
        if (e.value() instanceof Scalar) {
          out.put(e.key().text(), ApprovalRule.ofCount(nonNegativeInt(e.value(), path)));
        } else {
          out.put(e.key().text(), approvalRule(mapping(e.value(), path), path));
        }
      }
      return out;
    }

    private ApprovalRule approvalRule(Mapping m, String path) {
      allowOnly(m, path, "required", "groups", "expires", "policy", "emergency");
      Member req = m.members().get("required");
      int required = req == null ? 1 : nonNegativeInt(req.value(), path + ".required");
      List<String> groups = new ArrayList<>();
      Member g = m.members().get("groups");
      if (g != null && !isNull(g.value())) {
        if (!(g.value() instanceof Sequence seq)) {
          throw error(
              g.value(),
              path + ".groups: expected a list of group names, found " + g.value().describe());
        }
        for (YamlNode item : seq.items()) {
          if (!(item instanceof Scalar sc)
              || sc.isNull()
              || !sc.text().matches("[A-Za-z0-9._@-]{1,64}")) {
            throw error(item, path + ".groups: expected a group name, found " + item.describe());
          }
          groups.add(((Scalar) item).text());
        }
      }
      Scalar ex = optionalScalar(m, "expires", path);
      java.time.Duration expires =
          ex == null ? ApprovalRule.DEFAULT_EXPIRY : duration(ex, path + ".expires");
      Member pol = m.members().get("policy");
      boolean policy = pol == null || bool(pol.value(), path + ".policy");
      Optional<ApprovalRule.Emergency> emergency = Optional.empty();
      Member em = m.members().get("emergency");
      if (em != null && !isNull(em.value())) {
        String ep = path + ".emergency";
        Mapping e = mapping(em.value(), ep);
        allowOnly(e, ep, "quorum", "review_hours");
        Member q = e.members().get("quorum");
        int quorum = q == null ? 0 : nonNegativeInt(q.value(), ep + ".quorum");
        if (quorum > 1) {
          throw error(q.value(), ep + ".quorum: expected 0 or 1, found " + quorum);
        }
        Member rh = e.members().get("review_hours");
        int hours = rh == null ? 24 : nonNegativeInt(rh.value(), ep + ".review_hours");
        if (hours == 0) {
          throw error(rh.value(), ep + ".review_hours: expected at least 1");
        }
        emergency =
            Optional.of(new ApprovalRule.Emergency(quorum, java.time.Duration.ofHours(hours)));
      }
      return new ApprovalRule(required, groups, expires, policy, emergency);
    }

    private java.time.Duration duration(Scalar s, String path) {
      java.util.regex.Matcher mt =
          java.util.regex.Pattern.compile("([1-9][0-9]{0,5})([mhd])").matcher(s.text());
      if (!mt.matches()) {
        throw error(s, path + ": expected a duration like 30m, 72h or 7d, found " + s.describe());
      }
      long n = Long.parseLong(mt.group(1));
      return switch (mt.group(2)) {
        case "m" -> java.time.Duration.ofMinutes(n);
        case "h" -> java.time.Duration.ofHours(n);
        default -> java.time.Duration.ofDays(n);
      };
    }

    private LedgerPolicy ledger(YamlNode v) {
      if (isNull(v)) {
        return LedgerPolicy.DEFAULT;
      }
      Mapping m = mapping(v, "ledger");
      allowOnly(m, "ledger", "require_signatures", "require_reason", "checkpoint_every");
      boolean sigs = false;
      Set<String> reasons = new LinkedHashSet<>();
      int every = LedgerPolicy.DEFAULT_CHECKPOINT_EVERY;
      Member s = m.members().get("require_signatures");
      if (s != null) {
        sigs = bool(s.value(), "ledger.require_signatures");
      }
      Member r = m.members().get("require_reason");
      if (r != null) {
        if (!(r.value() instanceof Sequence seq)) {
          throw error(
              r.value(),
              "ledger.require_reason: expected a list of actions like [rollback, use-default], found "
                  + r.value().describe());
        }
        for (YamlNode item : seq.items()) {
          if (!(item instanceof Scalar sc) || sc.isNull()) {
            throw error(
                item, "ledger.require_reason: expected an action name, found " + item.describe());
          }
          reasons.add(sc.text());
        }
      }
      Member c = m.members().get("checkpoint_every");
      if (c != null) {
        every = nonNegativeInt(c.value(), "ledger.checkpoint_every");
      }
      return new LedgerPolicy(sigs, reasons, every);
    }

    private static List<String> sorted(Set<String> s) {
      List<String> l = new ArrayList<>(s);
      java.util.Collections.sort(l);
      return l;
    }
  }
}
