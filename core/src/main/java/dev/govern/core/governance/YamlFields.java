package dev.govern.core.governance;

import dev.govern.core.GovernException;
import dev.govern.core.governance.YamlNode.Mapping;
import dev.govern.core.governance.YamlNode.Member;
import dev.govern.core.governance.YamlNode.Scalar;
import java.util.Set;

/**
 * Typed access to positioned YAML for the governance file's sections: every wrong shape is an
 * {@code INVALID_INPUT} error naming file, line and column.
 */
class YamlFields {
  final String where;

  YamlFields(String where) {
    this.where = where;
  }

  boolean bool(YamlNode v, String path) {
    if (v instanceof Scalar s && (s.text().equals("true") || s.text().equals("false"))) {
      return s.text().equals("true");
    }
    throw error(v, path + ": expected true or false, found " + v.describe());
  }

  int nonNegativeInt(YamlNode v, String path) {
    if (v instanceof Scalar s && s.text().matches("[0-9]{1,9}")) {
      return Integer.parseInt(s.text());
    }
    throw error(v, path + ": expected a whole number >= 0, found " + v.describe());
  }

  Mapping mapping(YamlNode v, String path) {
    if (v instanceof Mapping m) {
      return m;
    }
    throw error(v, path + ": expected a mapping, found " + v.describe());
  }

  void allowOnly(Mapping m, String path, String... allowed) {
    Set<String> ok = Set.of(allowed);
    for (Member e : m.members().values()) {
      if (!ok.contains(e.key().text())) {
        throw error(
            e.key(),
            path
                + ": unknown key \""
                + e.key().text()
                + "\" (expected "
                + String.join(", ", allowed)
                + ")");
      }
    }
  }

  Scalar requireScalar(Mapping m, String key, String path) {
    Scalar s = optionalScalar(m, key, path);
    if (s == null) {
      throw error(m, path + ": missing " + key);
    }
    return s;
  }

  Scalar optionalScalar(Mapping m, String key, String path) {
    Member e = m.members().get(key);
    if (e == null || isNull(e.value())) {
      return null;
    }
    if (e.value() instanceof Scalar s) {
      return s;
    }
    throw error(
        e.value(), path + "." + key + ": expected a single value, found " + e.value().describe());
  }

  static boolean isNull(YamlNode v) {
    return v == null || v instanceof Scalar s && s.isNull();
  }

  GovernException error(YamlNode at, String message) {
    return GovernException.invalidInput(
        where + ":" + at.start().line() + ":" + at.start().column() + ": " + message);
  }
}
