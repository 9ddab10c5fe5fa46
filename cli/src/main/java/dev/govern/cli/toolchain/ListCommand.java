package dev.govern.cli.toolchain;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.toolchain.ToolchainMarker;
import dev.govern.core.toolchain.ToolchainStore;
import dev.govern.core.version.GoVersion;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code govern list}: the installed toolchains, newest first, with their marks. */
@Command(
    name = "list",
    description = "List installed toolchains (newest first), marking default, active and pinned.")
public final class ListCommand extends BaseCommand {
  @Mixin JsonFlag format;

  /** One installed toolchain. */
  record Item(String version, String root, List<String> marks) {}

  /** The {@code --json} document. */
  record Listing(int schemaVersion, String toolchainsDir, List<Item> toolchains)
      implements JsonDocument {}

  @Override
  protected int run() {
    ToolchainStore store = new ToolchainStore(settings().home());
    ToolchainMarker marker = ToolchainWiring.marker(settings(), cwd());
    List<Item> items = new ArrayList<>();
    List<GoVersion> installed = new ArrayList<>(store.installed());
    java.util.Collections.reverse(installed);
    for (GoVersion v : installed) {
      items.add(new Item(v.toString(), store.root(v).toString(), marker.marks(v)));
    }
    if (format.json) {
      JsonOutput.print(
          out(), new Listing(1, settings().home().toolchains().toString(), List.copyOf(items)));
      return 0;
    }
    if (items.isEmpty()) {
      err().println("no toolchains installed; try: govern install latest");
      err().flush();
      return 0;
    }
    int width = items.stream().mapToInt(i -> i.version().length()).max().orElse(0);
    for (Item i : items) {
      String marks = i.marks().isEmpty() ? "" : "  (" + String.join(", ", i.marks()) + ")";
      out().println((String.format("%-" + width + "s", i.version()) + marks).stripTrailing());
    }
    out().flush();
    return 0;
  }
}
