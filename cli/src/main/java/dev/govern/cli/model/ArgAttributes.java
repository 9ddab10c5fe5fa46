package dev.govern.cli.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;

/**
 * The attributes of an option or positional parameter the model carries, as picocli built them from
 * the annotations. Strings are the raw ones, before picocli expands {@code ${...}}.
 */
final class ArgAttributes {
  private ArgAttributes() {}

  /** Every carried attribute of {@code a}, by key, in a stable order. */
  static Map<String, List<String>> of(ArgSpec a) {
    Raw raw = raw(a);
    Map<String, List<String>> m = new LinkedHashMap<>();
    if (a instanceof OptionSpec o) {
      m.put("name", List.of(o.names()));
      m.put("order", List.of(String.valueOf(o.order())));
      m.put("negatable", bool(o.negatable()));
      m.put("fallback", one(raw.fallback));
      m.put("usageHelp", bool(o.usageHelp()));
      m.put("versionHelp", bool(o.versionHelp()));
    } else {
      m.put("index", range(((PositionalParamSpec) a).index()));
    }
    m.put("arity", range(a.arity()));
    m.put("label", one(raw.label));
    m.put("hideParamSyntax", bool(a.hideParamSyntax()));
    m.put("desc", List.of(raw.description));
    m.put("descKey", one(raw.descriptionKey));
    m.put("required", bool(a.required()));
    m.put("hidden", bool(a.hidden()));
    m.put("type", List.of(a.type().getName()));
    List<String> aux = new ArrayList<>();
    for (Class<?> c : a.auxiliaryTypes()) {
      aux.add(c.getName());
    }
    m.put("aux", aux);
    m.put("default", one(raw.defaultValue));
    m.put("showDefault", List.of(a.showDefaultValue().name()));
    m.put("split", one(raw.split));
    m.put("splitLabel", one(raw.splitLabel));
    m.put("scope", List.of(a.scopeType().name()));
    m.put("interactive", bool(a.interactive()));
    m.put("echo", bool(a.echo()));
    m.put("prompt", one(raw.prompt));
    m.put("mapFallback", one(raw.mapFallback));
    return m;
  }

  /** The attributes {@link #of} gives a fresh option or positional of no particular kind. */
  static Map<String, List<String>> defaults(ArgSpec a) {
    ArgSpec fresh =
        a instanceof OptionSpec o
            ? OptionSpec.builder(o.names()).build()
            : PositionalParamSpec.builder().build();
    return of(fresh);
  }

  private static List<String> range(Range r) {
    return r == null || r.isUnspecified() ? List.of() : List.of(r.originalValue());
  }

  private static List<String> one(String s) {
    List<String> l = new ArrayList<>(1);
    l.add(s);
    return l;
  }

  private static List<String> bool(boolean b) {
    return List.of(String.valueOf(b));
  }

  /** The strings of {@code a} before variable expansion, read from its builder. */
  private record Raw(
      String label,
      String[] description,
      String descriptionKey,
      String defaultValue,
      String split,
      String splitLabel,
      String prompt,
      String mapFallback,
      String fallback) {}

  private static Raw raw(ArgSpec a) {
    if (a instanceof OptionSpec o) {
      OptionSpec.Builder b = o.toBuilder();
      return new Raw(
          b.paramLabel(),
          b.description(),
          b.descriptionKey(),
          b.defaultValue(),
          b.splitRegex(),
          b.splitRegexSynopsisLabel(),
          b.prompt(),
          b.mapFallbackValue(),
          b.fallbackValue());
    }
    PositionalParamSpec.Builder b = ((PositionalParamSpec) a).toBuilder();
    return new Raw(
        b.paramLabel(),
        b.description(),
        b.descriptionKey(),
        b.defaultValue(),
        b.splitRegex(),
        b.splitRegexSynopsisLabel(),
        b.prompt(),
        b.mapFallbackValue(),
        null);
  }
}
