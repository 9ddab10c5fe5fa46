package dev.govern.cli.model;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * govern's command tree as picocli would build it from the annotations, written at build time by
 * {@link CommandModelWriter} and rebuilt here through picocli's programmatic API.
 *
 * <p>Why: on JDK 17 reading picocli's annotations costs about 50 ms of every start-up (annotation
 * proxies and reflection that class-data sharing cannot archive); rebuilding the same model from
 * this file takes a few. The annotations stay the source of truth: the build fails when the rebuilt
 * tree differs from the annotated one in anything picocli knows ({@link SpecFingerprint}).
 */
public final class CommandModel {
  /**
   * The class the build generates to hold the model: a {@code Function<String, String>} from a
   * command's path to the text of its section.
   */
  public static final String BUNDLED_CLASS = "dev.govern.cli.model.BundledModel";

  static final String HEADER = "govern-command-model";
  static final String VERSION = "1";

  /** The path of the root command's section; subcommands are "name" and "name/sub". */
  static final String ROOT = "/";

  /** The attributes of a summary (see {@link #summary}). */
  private static final Set<String> SUMMARY = Set.of("name", "aliases", "description", "hidden");

  private static CommandModel bundled;
  private static boolean loaded;

  private final Function<String, String> sections;
  private final String source;

  private CommandModel(Function<String, String> sections, String source) {
    this.sections = sections;
    this.source = source;
  }

  /**
   * The model built into govern's jar, or null when the build did not generate one (the annotations
   * are then read as usual). It is a generated class rather than a resource: class-data sharing
   * archives the class and its strings, while a resource lookup opens the jar and costs
   * milliseconds; and a command's section is found by a switch, not by scanning the whole text.
   */
  @SuppressWarnings("unchecked")
  public static synchronized CommandModel bundled() {
    if (!loaded) {
      loaded = true;
      try {
        Object holder = Class.forName(BUNDLED_CLASS).getDeclaredConstructor().newInstance();
        bundled = new CommandModel((Function<String, String>) holder, BUNDLED_CLASS);
      } catch (ClassNotFoundException e) {
        return null;
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new IllegalStateException("cannot read the bundled command model: " + e, e);
      }
    }
    return bundled;
  }

  /** Reads a whole model text; a malformed one is an {@link IllegalArgumentException}. */
  public static CommandModel parse(String text, String source) {
    return new CommandModel(sections(text, source)::get, source);
  }

  /**
   * The sections of a whole model text by command path, each from its {@code command} record on. A
   * text without the header, or with a record before the first command, is an {@link
   * IllegalArgumentException} naming the line.
   */
  static Map<String, String> sections(String text, String source) {
    Map<String, String> sections = new LinkedHashMap<>();
    String header = HEADER + "\t" + VERSION + "\n";
    if (!text.startsWith(header)) {
      throw new IllegalArgumentException(source + ":1: not a command model of version " + VERSION);
    }
    String path = null;
    StringBuilder section = new StringBuilder();
    int n = 1;
    for (String line : text.substring(header.length()).split("\n")) {
      n++;
      if (line.startsWith("command\t")) {
        if (path != null) {
          sections.put(path, section.toString());
        }
        String[] f = split(line, source, n);
        require(f, 3, source, n);
        path = f[1];
        section.setLength(0);
      } else if (path == null) {
        throw new IllegalArgumentException(source + ":" + n + ": record before the first command");
      }
      section.append(line).append('\n');
    }
    if (path != null) {
      sections.put(path, section.toString());
    }
    return sections;
  }

  private List<String[]> records(String path) {
    String text = sections.apply(path);
    if (text == null) {
      throw new IllegalArgumentException(source + ": no command " + path);
    }
    List<String[]> out = new ArrayList<>();
    int at = 0;
    int n = 0;
    while (at < text.length()) {
      n++;
      int end = text.indexOf('\n', at);
      if (end < 0) {
        end = text.length();
      }
      try {
        out.add(ModelLines.split(text.substring(at, end)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            source + ", command " + path + ", record " + n + ": " + e.getMessage(), e);
      }
      at = end + 1;
    }
    return out;
  }

  private static String[] split(String line, String source, int n) {
    try {
      return ModelLines.split(line);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ":" + n + ": " + e.getMessage(), e);
    }
  }

  private static void require(String[] f, int count, String source, int line) {
    if (f.length < count) {
      throw new IllegalArgumentException(
          source + ":" + line + ": " + f[0] + " needs " + (count - 1) + " fields");
    }
  }

  /** The root command's spec, bound to {@code root}. */
  public CommandSpec root(Object root) {
    return build(ROOT, root);
  }

  /** A top-level subcommand's spec, bound to a new instance of its class. */
  public CommandSpec command(String name) {
    return build(name, null);
  }

  /**
   * A top-level command as a summary: its name, aliases, description and whether it is hidden;
   * enough to list it in the root's help and to suggest it for a typo, not to run it.
   */
  public CommandSpec summary(String name) {
    CommandSpec spec = CommandSpec.create();
    for (String[] f : records(name)) {
      if (f[0].equals("attr") && SUMMARY.contains(f[1])) {
        CommandAttributes.apply(spec, f[1], f, 2);
      }
    }
    return spec;
  }

  private CommandSpec build(String path, Object given) {
    List<String[]> records = records(path);
    Object command = given != null ? given : Instances.create(Instances.type(records.get(0)[2]));
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    Map<String, CommandSpec> mixins = new HashMap<>();
    for (String[] f : records) {
      switch (f[0]) {
        case "command" -> {}
        case "attr" -> CommandAttributes.apply(spec, f[1], f, 2);
        case "sub" -> spec.addSubcommand(f[1], new CommandLine(build(f[2], null)));
        case "mixin" -> {
          CommandSpec m = CommandSpec.wrapWithoutInspection(Instances.create(Instances.type(f[2])));
          if (f[3] != null) {
            Instances.set(Instances.field(f[3], f[4]), command, m.userObject());
          }
          mixins.put(f[1], m);
        }
        case "mixed" -> spec.addMixin(f[1], mixins.get(f[1]));
        case "inject" ->
            Instances.set(Instances.field(f[2], f[3]), owner(spec, mixins, f[1]), spec);
        case "option" -> target(spec, mixins, f[1]).addOption(option(f, owner(spec, mixins, f[1])));
        case "positional" ->
            target(spec, mixins, f[1]).addPositional(positional(f, owner(spec, mixins, f[1])));
        default -> throw new IllegalArgumentException("unknown command model record " + f[0]);
      }
    }
    return spec;
  }

  private static CommandSpec target(CommandSpec spec, Map<String, CommandSpec> mixins, String o) {
    return o.isEmpty() ? spec : mixins.get(o);
  }

  private static Object owner(CommandSpec spec, Map<String, CommandSpec> mixins, String o) {
    return target(spec, mixins, o).userObject();
  }

  // option() and positional() read the same attributes into two builders: picocli's builders share
  // a package-private base class, so no common type lets one method set both.

  private static OptionSpec option(String[] f, Object owner) {
    Field field = Instances.field(f[2], f[3]);
    List<String> names = new ArrayList<>();
    for (int i = 4; i + 1 < f.length; i += 2) {
      if (f[i].equals("name")) {
        names.add(f[i + 1]);
      }
    }
    OptionSpec.Builder b = OptionSpec.builder(names.toArray(new String[0]));
    List<Class<?>> aux = new ArrayList<>();
    List<String> desc = new ArrayList<>();
    for (int i = 4; i + 1 < f.length; i += 2) {
      String v = f[i + 1];
      switch (f[i]) {
        case "name" -> {}
        case "order" -> b.order(Integer.parseInt(v));
        case "negatable" -> b.negatable(Boolean.parseBoolean(v));
        case "fallback" -> b.fallbackValue(v);
        case "usageHelp" -> b.usageHelp(Boolean.parseBoolean(v));
        case "versionHelp" -> b.versionHelp(Boolean.parseBoolean(v));
        case "arity" -> b.arity(v);
        case "label" -> b.paramLabel(v);
        case "hideParamSyntax" -> b.hideParamSyntax(Boolean.parseBoolean(v));
        case "desc" -> desc.add(v);
        case "descKey" -> b.descriptionKey(v);
        case "required" -> b.required(Boolean.parseBoolean(v));
        case "hidden" -> b.hidden(Boolean.parseBoolean(v));
        case "type" -> b.type(Instances.type(v));
        case "aux" -> aux.add(Instances.type(v));
        case "default" -> b.defaultValue(v);
        case "showDefault" -> b.showDefaultValue(Visibility.valueOf(v));
        case "split" -> b.splitRegex(v);
        case "splitLabel" -> b.splitRegexSynopsisLabel(v);
        case "scope" -> b.scopeType(ScopeType.valueOf(v));
        case "interactive" -> b.interactive(Boolean.parseBoolean(v));
        case "echo" -> b.echo(Boolean.parseBoolean(v));
        case "prompt" -> b.prompt(v);
        case "mapFallback" -> b.mapFallbackValue(v);
        default -> throw new IllegalArgumentException("unknown option attribute " + f[i]);
      }
    }
    FieldAccess access = new FieldAccess(field, owner);
    return b.auxiliaryTypes(aux.toArray(new Class<?>[0]))
        .description(desc.toArray(new String[0]))
        .getter(access)
        .setter(access)
        .userObject(field)
        .initialValue(Instances.get(field, owner))
        .hasInitialValue(true)
        .build();
  }

  private static PositionalParamSpec positional(String[] f, Object owner) {
    Field field = Instances.field(f[2], f[3]);
    PositionalParamSpec.Builder b = PositionalParamSpec.builder();
    List<Class<?>> aux = new ArrayList<>();
    List<String> desc = new ArrayList<>();
    for (int i = 4; i + 1 < f.length; i += 2) {
      String v = f[i + 1];
      switch (f[i]) {
        case "index" -> b.index(v);
        case "arity" -> b.arity(v);
        case "label" -> b.paramLabel(v);
        case "hideParamSyntax" -> b.hideParamSyntax(Boolean.parseBoolean(v));
        case "desc" -> desc.add(v);
        case "descKey" -> b.descriptionKey(v);
        case "required" -> b.required(Boolean.parseBoolean(v));
        case "hidden" -> b.hidden(Boolean.parseBoolean(v));
        case "type" -> b.type(Instances.type(v));
        case "aux" -> aux.add(Instances.type(v));
        case "default" -> b.defaultValue(v);
        case "showDefault" -> b.showDefaultValue(Visibility.valueOf(v));
        case "split" -> b.splitRegex(v);
        case "splitLabel" -> b.splitRegexSynopsisLabel(v);
        case "scope" -> b.scopeType(ScopeType.valueOf(v));
        case "interactive" -> b.interactive(Boolean.parseBoolean(v));
        case "echo" -> b.echo(Boolean.parseBoolean(v));
        case "prompt" -> b.prompt(v);
        case "mapFallback" -> b.mapFallbackValue(v);
        default -> throw new IllegalArgumentException("unknown positional attribute " + f[i]);
      }
    }
    FieldAccess access = new FieldAccess(field, owner);
    return b.auxiliaryTypes(aux.toArray(new Class<?>[0]))
        .description(desc.toArray(new String[0]))
        .getter(access)
        .setter(access)
        .userObject(field)
        .initialValue(Instances.get(field, owner))
        .hasInitialValue(true)
        .build();
  }
}
