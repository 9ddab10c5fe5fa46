package dev.govern.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The functions {@code go tool nm} lists, in the form the pclntab's function table names them, so
 * the two can be compared as sets. nm prints the symbol table: every text symbol between {@code
 * runtime.text} and {@code runtime.etext} is a Go function. The symbol table spells some names
 * differently from the function table, in ways the linker defines: assembly functions keep their
 * ABI suffix ({@code .abi0}), Mach-O puts an underscore before names without a package, and names
 * with type arguments or array lengths are spelled in full ({@code [2]runtime.Frame}) where the
 * function table may shorten them to {@code [...]}; both sides are compared in the short form.
 */
public final class NmSymbols {
  private NmSymbols() {}

  /** One line of nm output. */
  record Symbol(long address, char type, String name) {}

  /** The function names of an nm listing, normalized (see the class comment). */
  public static Set<String> functions(String nmOutput, boolean machO) {
    List<Symbol> symbols = parse(nmOutput, machO);
    long text = -1;
    long etext = -1;
    for (Symbol s : symbols) {
      if (s.name().equals("runtime.text")) {
        text = s.address();
      } else if (s.name().equals("runtime.etext")) {
        etext = s.address();
      }
    }
    if (text < 0 || etext < 0) {
      throw new AssertionError("nm lists no runtime.text/runtime.etext");
    }
    Set<String> out = new TreeSet<>();
    for (Symbol s : symbols) {
      boolean code = s.type() == 'T' || s.type() == 't';
      if (code && s.address() >= text && s.address() < etext && !s.name().equals("runtime.text")) {
        out.add(shorten(s.name()));
      }
    }
    return out;
  }

  /** A function table's names in the same form. */
  public static Set<String> normalize(List<String> tableNames) {
    Set<String> out = new TreeSet<>();
    for (String n : tableNames) {
      out.add(shorten(n.replace('\u00b7', '.')));
    }
    return out;
  }

  static List<Symbol> parse(String nmOutput, boolean machO) {
    List<Symbol> out = new ArrayList<>();
    for (String line : nmOutput.split("\n")) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      String[] parts = l.split(" ", 3);
      if (parts.length < 3 || parts[1].length() != 1) {
        continue; // an undefined symbol: no address
      }
      String name = parts[2];
      if (machO && name.startsWith("_") && !name.substring(1).contains(".")) {
        name = name.substring(1);
      }
      if (name.endsWith(".abi0")) {
        name = name.substring(0, name.length() - ".abi0".length());
      }
      out.add(
          new Symbol(
              Long.parseUnsignedLong(parts[0], 16),
              parts[1].charAt(0),
              name.replace('\u00b7', '.')));
    }
    return out;
  }

  /** Every outermost {@code [...]} with its content replaced by {@code ...}. */
  static String shorten(String name) {
    StringBuilder b = new StringBuilder(name.length());
    int depth = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '[') {
        if (depth == 0) {
          b.append("[...");
        }
        depth++;
      } else if (c == ']' && depth > 0) {
        depth--;
        if (depth == 0) {
          b.append(']');
        }
      } else if (depth == 0) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
