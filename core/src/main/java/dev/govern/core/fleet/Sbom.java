package dev.govern.core.fleet;

import dev.govern.core.GovernException;
import dev.govern.core.artifact.binary.BuildInfo;
import dev.govern.core.artifact.binary.BuildSetting;
import dev.govern.core.artifact.binary.ModuleInfo;
import dev.govern.core.artifact.gomod.GoModFile;
import dev.govern.core.artifact.gomod.GoModParser;
import dev.govern.core.artifact.gomod.ModuleRef;
import dev.govern.core.artifact.gomod.Requirement;
import dev.govern.core.version.GoVersion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * A CycloneDX SBOM from a Go binary's build info: the main module as the application, every
 * dependency as a {@code pkg:golang/...} library (the replacement when one is in effect), and the
 * standard library as one component {@code pkg:golang/stdlib@<version>}, the name OSV and most
 * scanners use. Build settings become properties of the application.
 */
public final class Sbom {
  /** The CycloneDX specification version written. */
  public static final Version SPEC = Version.VERSION_16;

  private Sbom() {}

  /** Output formats. */
  public enum Format {
    CYCLONEDX_JSON,
    CYCLONEDX_XML;

    public static Format ofWord(String word) {
      return switch (word.toLowerCase(Locale.ROOT)) {
        case "cyclonedx-json", "json" -> CYCLONEDX_JSON;
        case "cyclonedx-xml", "xml" -> CYCLONEDX_XML;
        default ->
            throw GovernException.usage(
                "unknown SBOM format \"" + word + "\" (cyclonedx-json or cyclonedx-xml)");
      };
    }
  }

  /** The SBOM of a binary named {@code name} with build info {@code info}. */
  public static Bom of(String name, BuildInfo info, String toolVersion, Instant now) {
    Bom bom = new Bom();
    bom.setSerialNumber(
        "urn:uuid:"
            + UUID.nameUUIDFromBytes(
                (name + info.moduleText() + info.goVersion())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Metadata meta = metadata(toolVersion, now);

    Component app = new Component();
    app.setType(Component.Type.APPLICATION);
    Optional<ModuleInfo> main = info.mainModule();
    String appName =
        main.map(ModuleInfo::path)
            .filter(p -> !p.isEmpty())
            .orElse(info.path().isEmpty() ? name : info.path());
    app.setName(appName);
    main.map(ModuleInfo::version)
        .filter(v -> !v.isEmpty() && !v.equals("(devel)"))
        .ifPresent(app::setVersion);
    app.setPurl(purl(appName, app.getVersion()));
    app.setBomRef(app.getPurl());
    List<Property> props = new ArrayList<>();
    props.add(property("govern:go-version", info.goVersion()));
    if (!info.path().isEmpty()) {
      props.add(property("govern:package-path", info.path()));
    }
    for (BuildSetting s : info.settings()) {
      props.add(property("govern:build:" + s.key(), s.value()));
    }
    app.setProperties(props);
    meta.setComponent(app);
    bom.setMetadata(meta);

    List<Component> components = new ArrayList<>();
    Dependency root = new Dependency(app.getBomRef());
    info.goRelease()
        .map(Sbom::stdlib)
        .ifPresent(
            std -> {
              components.add(std);
              root.addDependency(new Dependency(std.getBomRef()));
            });
    for (ModuleInfo dep : info.deps()) {
      Component c = module(dep);
      addOnce(components, root, c);
    }
    return finish(bom, root, components);
  }

  /**
   * The SBOM of a module's source: the main module from go.mod, its requirements as they take
   * effect after {@code replace}, and the standard library of the toolchain line when there is one
   * (the {@code go} line is only a minimum and is kept as a property).
   */
  public static Bom ofModule(Path goMod, String toolVersion, Instant now) {
    GoModFile mod = GoModParser.read(goMod);
    Bom bom = new Bom();
    String name = mod.modulePath().orElse(goMod.getParent().getFileName().toString());
    bom.setSerialNumber(
        "urn:uuid:"
            + UUID.nameUUIDFromBytes(
                (name + mod.require()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Metadata meta = metadata(toolVersion, now);
    Component app = new Component();
    app.setType(Component.Type.APPLICATION);
    app.setName(name);
    app.setPurl(purl(name, null));
    app.setBomRef(app.getPurl());
    List<Property> props = new ArrayList<>();
    mod.minimumGo().ifPresent(v -> props.add(property("govern:go-minimum", v.toString())));
    mod.toolchainVersion().ifPresent(v -> props.add(property("govern:toolchain", v.toString())));
    props.add(property("govern:source", goMod.toString()));
    app.setProperties(props);
    meta.setComponent(app);
    bom.setMetadata(meta);
    List<Component> components = new ArrayList<>();
    Dependency root = new Dependency(app.getBomRef());
    mod.toolchainVersion()
        .map(Sbom::stdlib)
        .ifPresent(
            std -> {
              components.add(std);
              root.addDependency(new Dependency(std.getBomRef()));
            });
    for (Requirement r : mod.require()) {
      ModuleRef eff = mod.effective(r.path(), r.version());
      boolean directory = eff.version() == null || eff.version().isEmpty();
      Component c = new Component();
      c.setType(Component.Type.LIBRARY);
      c.setName(directory ? r.path() : eff.path());
      c.setVersion(directory ? r.version() : eff.version());
      c.setPurl(purl(c.getName(), c.getVersion()));
      c.setBomRef(c.getPurl());
      List<Property> cp = new ArrayList<>();
      cp.add(property("govern:dependency", r.indirect() ? "indirect" : "direct"));
      if (directory) {
        cp.add(property("govern:replaced-by-directory", eff.path()));
      } else if (!eff.path().equals(r.path()) || !eff.version().equals(r.version())) {
        cp.add(property("govern:replaces", r.path() + "@" + r.version()));
      }
      c.setProperties(cp);
      addOnce(components, root, c);
    }
    return finish(bom, root, components);
  }

  /** Adds {@code c} (unless a component with its reference is there) as a dependency of root. */
  private static void addOnce(List<Component> components, Dependency root, Component c) {
    if (components.stream().noneMatch(x -> x.getBomRef().equals(c.getBomRef()))) {
      components.add(c);
      root.addDependency(new Dependency(c.getBomRef()));
    }
  }

  /** The components and the dependency graph: the application depends on every component. */
  private static Bom finish(Bom bom, Dependency root, List<Component> components) {
    bom.setComponents(components);
    List<Dependency> deps = new ArrayList<>();
    deps.add(root);
    components.forEach(c -> deps.add(new Dependency(c.getBomRef())));
    bom.setDependencies(deps);
    return bom;
  }

  private static Metadata metadata(String toolVersion, Instant now) {
    Metadata meta = new Metadata();
    meta.setTimestamp(Date.from(now));
    Component tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setName("govern");
    tool.setVersion(toolVersion);
    ToolInformation tools = new ToolInformation();
    tools.setComponents(List.of(tool));
    meta.setToolChoice(tools);
    return meta;
  }

  /** The SBOM as text in {@code format}. */
  public static String render(Bom bom, Format format) {
    try {
      return switch (format) {
        case CYCLONEDX_JSON -> BomGeneratorFactory.createJson(SPEC, bom).toJsonString();
        case CYCLONEDX_XML -> BomGeneratorFactory.createXml(SPEC, bom).toXmlString();
      };
    } catch (GeneratorException e) {
      throw new GovernException(
          dev.govern.core.ErrorCode.INTERNAL, "cannot write the SBOM: " + e.getMessage(), null, e);
    }
  }

  /**
   * The standard library compiled with {@code v}: one component, {@code
   * pkg:golang/stdlib@<semver>}.
   */
  private static Component stdlib(GoVersion v) {
    Component c = new Component();
    c.setType(Component.Type.LIBRARY);
    c.setName("stdlib");
    c.setVersion(v.toString());
    c.setPurl("pkg:golang/stdlib@" + v.toSemver());
    c.setBomRef(c.getPurl());
    c.setDescription("The Go standard library");
    return c;
  }

  private static Component module(ModuleInfo dep) {
    ModuleInfo effective = dep.effective();
    Component c = new Component();
    c.setType(Component.Type.LIBRARY);
    c.setName(effective.path());
    c.setVersion(effective.version());
    c.setPurl(purl(effective.path(), effective.version()));
    c.setBomRef(c.getPurl());
    List<Property> props = new ArrayList<>();
    if (!effective.sum().isEmpty()) {
      props.add(property("govern:go-sum", effective.sum()));
    }
    dep.replacedBy()
        .ifPresent(
            r -> {
              props.add(
                  property(
                      "govern:replaces",
                      dep.path() + (dep.version().isEmpty() ? "" : "@" + dep.version())));
              if (GoModParser.isDirectoryPath(r.path())) {
                props.add(property("govern:replaced-by-directory", r.path()));
              }
            });
    if (!props.isEmpty()) {
      c.setProperties(props);
    }
    return c;
  }

  /** {@code pkg:golang/<path>@<version>}: path segments percent-encoded, slashes kept. */
  static String purl(String path, String version) {
    StringBuilder b = new StringBuilder("pkg:golang/");
    for (String seg : path.split("/")) {
      if (b.charAt(b.length() - 1) != '/') {
        b.append('/');
      }
      b.append(encode(seg));
    }
    if (version != null && !version.isEmpty()) {
      b.append('@').append(encode(version));
    }
    return b.toString();
  }

  private static String encode(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if (Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '_' || c == '~') {
        b.append(c);
      } else {
        b.append('%').append(String.format("%02X", x & 0xff));
      }
    }
    return b.toString();
  }

  private static Property property(String name, String value) {
    Property p = new Property();
    p.setName(name);
    p.setValue(value);
    return p;
  }
}
