import dev.govern.core.artifact.gomod.*;
import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
import java.nio.file.*;
import java.util.*;

public class Dump {
  static final ObjectMapper M = new ObjectMapper();
  public static void main(String[] args) throws Exception {
    ArrayNode all = M.createArrayNode();
    for (String name : args) {
      byte[] data = Files.readAllBytes(Path.of(name));
      String base = Path.of(name).getFileName().toString();
      ObjectNode o = M.createObjectNode();
      o.put("file", base);
      boolean work = base.endsWith(".work");
      o.put("kind", work ? "go.work" : "go.mod");
      try {
        if (work) {
          GoWorkFile w = GoModParser.parseWork(base, data);
          o.set("go", w.go() == null ? NullNode.instance : TextNode.valueOf(w.go().version()));
          o.set("toolchain", w.toolchain() == null ? NullNode.instance : TextNode.valueOf(w.toolchain().name()));
          ArrayNode g = o.putArray("godebug");
          for (Godebug d : w.godebug()) g.addObject().put("key", d.key()).put("value", d.value());
          rep(o, w.replace());
          if (!w.use().isEmpty()) { ArrayNode u = o.putArray("use"); w.use().forEach(p -> u.add(p.path())); }
        } else {
          GoModFile f = Boolean.getBoolean("lax") ? GoModParser.parseLax(base, data) : GoModParser.parse(base, data);
          if (f.module() != null) o.putObject("module").put("deprecated", f.module().deprecated()).put("path", f.module().path());
          o.set("go", f.go() == null ? NullNode.instance : TextNode.valueOf(f.go().version()));
          o.set("toolchain", f.toolchain() == null ? NullNode.instance : TextNode.valueOf(f.toolchain().name()));
          ArrayNode g = o.putArray("godebug");
          for (Godebug d : f.godebug()) g.addObject().put("key", d.key()).put("value", d.value());
          if (!f.require().isEmpty()) { ArrayNode a = o.putArray("require"); for (Requirement r : f.require()) a.addObject().put("indirect", r.indirect()).put("path", r.path()).put("version", r.version()); }
          if (!f.exclude().isEmpty()) { ArrayNode a = o.putArray("exclude"); for (Exclusion r : f.exclude()) a.addObject().put("path", r.path()).put("version", r.version()); }
          rep(o, f.replace());
          if (!f.retract().isEmpty()) { ArrayNode a = o.putArray("retract"); for (Retraction r : f.retract()) a.addObject().put("high", r.high()).put("low", r.low()).put("rationale", r.rationale()); }
          if (!f.tool().isEmpty()) { ArrayNode u = o.putArray("tool"); f.tool().forEach(p -> u.add(p.path())); }
        }
      } catch (GoModSyntaxException e) {
        StringBuilder b = new StringBuilder();
        for (GoModError er : e.errors()) {
          if (b.length() > 0) b.append('\n');
          b.append(er.file()).append(':').append(er.line());
          if (er.column() > 1) b.append(':').append(er.column());
          b.append(": ").append(er.message());
        }
        o = M.createObjectNode(); o.put("file", base); o.put("kind", work ? "go.work" : "go.mod"); o.put("error", b.toString());
        o.putNull("go"); o.putNull("toolchain"); o.putArray("godebug"); o.putArray("replace");
      } catch (Throwable t) {
        o = M.createObjectNode(); o.put("file", base); o.put("crash", t.toString());
      }
      all.add(o);
    }
    System.out.println(M.writerWithDefaultPrettyPrinter().writeValueAsString(all));
  }
  static void rep(ObjectNode o, List<Replacement> rs) {
    ArrayNode a = o.putArray("replace");
    for (Replacement r : rs) { ObjectNode x = a.addObject(); x.putObject("new").put("path", r.target().path()).put("version", r.target().version()); x.putObject("old").put("path", r.old().path()).put("version", r.old().version()); }
  }
}
