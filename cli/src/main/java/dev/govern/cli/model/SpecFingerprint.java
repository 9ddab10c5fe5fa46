package dev.govern.cli.model;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ITypeInfo;

/**
 * A canonical text of everything picocli knows of a command tree: attributes, options, types,
 * bindings and the rendered help. Two trees with the same fingerprint parse and print alike; the
 * build compares the annotated tree with the one rebuilt from the command model.
 */
public final class SpecFingerprint {
  private SpecFingerprint() {}

  public static String of(CommandLine root) {
    StringBuilder b = new StringBuilder();
    append(b, root, new IdentityHashMap<>());
    return b.toString();
  }

  private static void append(StringBuilder b, CommandLine cl, Map<CommandLine, Boolean> seen) {
    if (seen.put(cl, Boolean.TRUE) != null) {
      return;
    }
    CommandSpec s = cl.getCommandSpec();
    b.append("command ").append(s.qualifiedName()).append('\n');
    b.append("  class ").append(s.userObject().getClass().getName()).append('\n');
    CommandAttributes.of(s)
        .forEach((k, v) -> b.append("  ").append(k).append(' ').append(v).append('\n'));
    s.mixins()
        .forEach(
            (name, m) ->
                b.append("  mixin ")
                    .append(name)
                    .append(' ')
                    .append(m.userObject().getClass().getName())
                    .append(' ')
                    .append(holderOf(s.userObject(), m.userObject()))
                    .append('\n'));
    for (String f : specFields(s)) {
      b.append("  spec-field ").append(f).append('\n');
    }
    for (ArgSpec a : s.args()) {
      b.append("  arg ").append(a.isOption() ? "option" : "positional").append('\n');
      ArgAttributes.of(a)
          .forEach((k, v) -> b.append("    ").append(k).append(' ').append(v).append('\n'));
      b.append("    inherited ").append(a.inherited()).append('\n');
      b.append("    expanded-desc ").append(List.of(a.description())).append('\n');
      b.append("    expanded-default ").append(a.defaultValue()).append('\n');
      b.append("    initial ").append(a.hasInitialValue()).append(' ').append(a.initialValue());
      b.append('\n');
      b.append("    candidates ").append(candidates(a)).append('\n');
      b.append("    converters ").append(a.converters().length).append('\n');
      b.append("    bound-to ")
          .append(a.userObject() instanceof Field f ? name(f) : "-")
          .append('\n');
      b.append("    group ").append(a.group() == null ? "-" : "group").append('\n');
      ITypeInfo t = a.typeInfo();
      b.append("    type-info ")
          .append(t.getClassName())
          .append(" multi=")
          .append(t.isMultiValue())
          .append(" collection=")
          .append(t.isCollection())
          .append(" map=")
          .append(t.isMap())
          .append(" array=")
          .append(t.isArray())
          .append(" enum=")
          .append(t.isEnum())
          .append(" boolean=")
          .append(t.isBoolean())
          .append(" optional=")
          .append(t.isOptional())
          .append(" enum-names=")
          .append(t.getEnumConstantNames())
          .append('\n');
    }
    b.append("  parent-elements ").append(s.parentCommandElements().size()).append('\n');
    b.append("  unmatched ").append(s.unmatchedArgsBindings().size()).append('\n');
    b.append("  groups ").append(s.argGroups().size()).append('\n');
    b.append("  subcommands ").append(s.subcommands().keySet()).append('\n');
    b.append("  usage\n").append(cl.getUsageMessage(Ansi.OFF)).append('\n');
    for (CommandLine sub : s.subcommands().values()) {
      append(b, sub, seen);
    }
  }

  private static List<String> candidates(ArgSpec a) {
    List<String> l = new ArrayList<>();
    if (a.completionCandidates() != null) {
      a.completionCandidates().forEach(l::add);
    }
    return l;
  }

  /** Every field of type CommandSpec in the user object, and whether it holds this spec. */
  private static List<String> specFields(CommandSpec s) {
    List<String> out = new ArrayList<>();
    for (Class<?> c = s.userObject().getClass(); c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType() == CommandSpec.class && !Modifier.isStatic(f.getModifiers())) {
          Object v = Instances.get(accessible(f), s.userObject());
          out.add(name(f) + "=" + (v == s ? "self" : v == null ? "null" : "other"));
        }
      }
    }
    return out;
  }

  /** The field of {@code holder} that holds {@code mixin}, or "-". */
  private static String holderOf(Object holder, Object mixin) {
    for (Class<?> c = holder.getClass(); c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())
            && !f.getType().isPrimitive()
            && Instances.get(accessible(f), holder) == mixin) {
          return name(f);
        }
      }
    }
    return "-";
  }

  private static Field accessible(Field f) {
    f.setAccessible(true);
    return f;
  }

  static String name(Field f) {
    return f.getDeclaringClass().getName() + "." + f.getName();
  }
}
