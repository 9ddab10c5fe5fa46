import dev.govern.core.module.*;
import java.io.*;
public class Semv { public static void main(String[] a) throws Exception {
  BufferedReader r = new BufferedReader(new InputStreamReader(System.in, "UTF-8")); String v, prev = "";
  while ((v = r.readLine()) != null) {
    ModuleVersion m = ModuleVersion.tryParse(v).orElse(null);
    PseudoVersion p = PseudoVersion.parse(v).orElse(null);
    String base = p == null ? "" : (p.base() == null ? "" : p.base());
    boolean baseOk = p != null && p.hasValidBase();
    String time = p == null || p.time() == null ? "" : p.time().toString();
    String rev = p == null ? "" : p.revision();
    ModulePath sp = ModulePath.split(v);
    System.out.printf("%s valid=%s canon=%s major=%s pre=%s build=%s pseudo=%s base=%s/%s time=%s rev=%s cmp=%d split=%s/%s%n",
      q(v), m != null, q(ModuleVersion.canonical(v)), q(m == null ? "" : m.majorPrefix()), q(m == null ? "" : m.prerelease()), q(m == null ? "" : m.build()),
      PseudoVersion.isPseudoVersion(v), q(base), baseOk, q(time), q(rev), ModuleVersion.compare(prev, v), q(sp == null ? "" : sp.pathMajor()), sp != null);
    prev = v;
  } }
  static String q(String s) { return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""; } }
