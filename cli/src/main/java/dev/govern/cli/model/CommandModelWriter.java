package dev.govern.cli.model;

import dev.govern.cli.GovernCli;
import dev.govern.cli.GovernCommand;
import dev.govern.cli.support.CliIo;
import dev.govern.core.config.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IAnnotatedElement;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * Build step (Maven {@code process-classes}): writes the {@link CommandModel} of govern's annotated
 * commands, then rebuilds the tree from it and fails unless the two are alike in everything picocli
 * knows ({@link SpecFingerprint}).
 *
 * <p>Usage: {@code CommandModelWriter <output file>}
 */
public final class CommandModelWriter {
  /** The keys every option and positional record carries, default or not. */
  private static final Set<String> ALWAYS = Set.of("name", "type", "aux", "label");

  private final List<String> lines = new ArrayList<>();

  private CommandModelWriter() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CommandModelWriter <generated sources folder>");
    }
    String text = write(GovernCli.fullTree(newRoot(), null));
    CommandModel model = CommandModel.parse(text, "the written command model");
    String expected = SpecFingerprint.of(GovernCli.fullTree(newRoot(), null));
    String actual = SpecFingerprint.of(GovernCli.fullTree(newRoot(), model));
    if (!expected.equals(actual)) {
      throw new IllegalStateException(
          "the command model differs from the annotations: " + firstDifference(expected, actual));
    }
    String cls = CommandModel.BUNDLED_CLASS;
    Path out = Path.of(args[0]).resolve(cls.replace('.', '/') + ".java");
    Files.createDirectories(out.getParent());
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    Files.writeString(
        tmp,
        JavaSource.lookup(cls, CommandModel.sections(text, "the model")),
        StandardCharsets.UTF_8);
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A root command with silent streams and an empty environment, as the build needs it. */
  public static GovernCommand newRoot() {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    return new GovernCommand(
        new CliIo(sink, sink, false, false), new Settings(Map.of(), Path.of("/nonexistent")));
  }

  /** The model text of an annotated command tree (the root with every subcommand). */
  public static String write(CommandLine root) {
    CommandModelWriter w = new CommandModelWriter();
    w.line(CommandModel.HEADER, CommandModel.VERSION);
    w.command(CommandModel.ROOT, root.getCommandSpec(), false);
    for (Map.Entry<String, CommandLine> e : distinct(root.getCommandSpec())) {
      w.section(e.getKey(), e.getValue().getCommandSpec());
    }
    StringBuilder b = new StringBuilder();
    for (String l : w.lines) {
      b.append(l).append('\n');
    }
    return b.toString();
  }

  private void section(String path, CommandSpec spec) {
    command(path, spec, true);
    for (Map.Entry<String, CommandLine> e : distinct(spec)) {
      section(path + "/" + e.getKey(), e.getValue().getCommandSpec());
    }
  }

  private void command(String path, CommandSpec spec, boolean withSubcommands) {
    unsupported(spec.parentCommandElements().isEmpty(), spec, "@ParentCommand");
    unsupported(spec.unmatchedArgsBindings().isEmpty(), spec, "@Unmatched");
    unsupported(spec.argGroups().isEmpty(), spec, "@ArgGroup");
    line("command", path, spec.userObject().getClass().getName());
    Map<String, List<String>> defaults = CommandAttributes.of(CommandSpec.create());
    CommandAttributes.of(spec)
        .forEach(
            (k, v) -> {
              // a version provider answers at run time; its answer written here would be a copy
              boolean derived = k.equals("version") && spec.versionProvider() != null;
              if (!derived && (k.equals("name") || !v.equals(defaults.get(k)))) {
                List<String> f = new ArrayList<>(List.of("attr", k));
                f.addAll(v);
                line(f);
              }
            });
    if (withSubcommands) {
      for (Map.Entry<String, CommandLine> e : distinct(spec)) {
        line("sub", e.getKey(), path + "/" + e.getKey());
      }
    }
    for (IAnnotatedElement e : spec.specElements()) {
      Field f = (Field) e.userObject();
      unsupported(f.getAnnotation(Spec.class).value() == Spec.Target.SELF, spec, "@Spec(MIXEE)");
      line("inject", "", f.getDeclaringClass().getName(), f.getName());
    }
    Map<ArgSpec, String> ownerOf = new IdentityHashMap<>();
    spec.mixins()
        .forEach(
            (name, m) -> {
              unsupported(m.mixins().isEmpty() && m.specElements().isEmpty(), m, "nested mixins");
              m.args().forEach(a -> ownerOf.put(a, name));
            });
    List<String> mixed = new ArrayList<>();
    for (ArgSpec a : spec.args()) {
      String owner = ownerOf.get(a);
      if (a.inherited()) {
        continue; // picocli copies inherited options into every subcommand itself
      }
      if (owner == null) {
        arg("", a);
      } else if (!mixed.contains(owner)) {
        mixin(spec, owner);
        mixed.add(owner);
      }
    }
    for (String name : spec.mixins().keySet()) {
      if (!mixed.contains(name)) {
        mixin(spec, name);
      }
    }
  }

  private void mixin(CommandSpec spec, String name) {
    CommandSpec m = spec.mixins().get(name);
    IAnnotatedElement holder = spec.mixinAnnotatedElements().get(name);
    Field f = holder == null ? null : (Field) holder.userObject();
    line(
        "mixin",
        name,
        m.userObject().getClass().getName(),
        f == null ? null : f.getDeclaringClass().getName(),
        f == null ? null : f.getName());
    for (ArgSpec a : m.args()) {
      arg(name, a);
    }
    line("mixed", name);
  }

  private void arg(String owner, ArgSpec a) {
    unsupported(a.converters().length == 0, a.command(), "converter = ");
    ArgSpec plain = OptionSpec.builder("--plain").build();
    unsupported(
        sameClass(a.parameterConsumer(), plain.parameterConsumer()),
        a.command(),
        "parameterConsumer = ");
    unsupported(sameClass(a.preprocessor(), plain.preprocessor()), a.command(), "preprocessor = ");
    Field f = (Field) a.userObject();
    List<String> fields =
        new ArrayList<>(
            List.of(
                a.isOption() ? "option" : "positional",
                owner,
                f.getDeclaringClass().getName(),
                f.getName()));
    Map<String, List<String>> defaults = ArgAttributes.defaults(a);
    ArgAttributes.of(a)
        .forEach(
            (k, v) -> {
              if (ALWAYS.contains(k) || !v.equals(defaults.get(k))) {
                for (String value : v) {
                  fields.add(k);
                  fields.add(value);
                }
              }
            });
    line(fields);
  }

  private static boolean sameClass(Object a, Object b) {
    return a == null ? b == null : b != null && a.getClass() == b.getClass();
  }

  private static List<Map.Entry<String, CommandLine>> distinct(CommandSpec spec) {
    List<Map.Entry<String, CommandLine>> out = new ArrayList<>();
    Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
    for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
      if (seen.put(e.getValue(), Boolean.TRUE) == null) {
        out.add(e);
      }
    }
    return out;
  }

  private static void unsupported(boolean ok, CommandSpec spec, String what) {
    if (!ok) {
      throw new IllegalStateException(
          "the command model does not carry " + what + " (in " + spec.qualifiedName() + ")");
    }
  }

  private void line(String... fields) {
    line(Arrays.asList(fields));
  }

  private void line(List<String> fields) {
    lines.add(ModelLines.join(fields));
  }

  private static String firstDifference(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String l = i < x.length ? x[i] : "<end>";
      String r = i < y.length ? y[i] : "<end>";
      if (!l.equals(r)) {
        return "line " + (i + 1) + ": annotations say '" + l + "', the model gives '" + r + "'";
      }
    }
    return "none";
  }
}
