package dev.govern.core.upgrade;

import dev.govern.core.version.GoVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The default GODEBUG of one main package of a module, built with one toolchain.
 *
 * @param pkg the main package
 * @param settings the settings the go command compiles in, sorted by name
 */
public record MainPackageGodebug(GoPackage pkg, Map<String, String> settings) {

  /** The settings as Go prints them ({@code go list -f '{{.DefaultGODEBUG}}'}). */
  public String text() {
    return DefaultGodebug.string(settings);
  }

  /** Every main package of {@code code} built for {@code ctx} by {@code toolchain}. */
  public static List<MainPackageGodebug> of(
      ModuleCode code, BuildContext ctx, GoVersion toolchain, GodebugHistory history) {
    List<MainPackageGodebug> out = new ArrayList<>();
    for (GoPackage p : code.packages(ctx)) {
      if (p.isMain()) {
        out.add(
            new MainPackageGodebug(
                p,
                DefaultGodebug.settings(
                    history, toolchain, code.goVersion(), code.moduleGodebug(), p.goDebug())));
      }
    }
    return out;
  }
}
