package dev.govern.core.module;

/**
 * The case-encoding Go uses for module paths and versions in URLs and file names ({@code
 * module.EscapePath}): every upper-case letter becomes {@code !} and its lower-case form, so that
 * paths stay distinct on case-insensitive file systems. {@code github.com/Azure/x} is {@code
 * github.com/!azure/x}.
 */
public final class ModuleEscape {
  private ModuleEscape() {}

  /**
   * The escaped form of a module path or version.
   *
   * @throws IllegalArgumentException when it holds {@code !} or characters outside printable ASCII
   */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '!' || c <= ' ' || c > '~') {
        throw new IllegalArgumentException("cannot escape \"" + s + "\": character " + (int) c);
      }
      if (c >= 'A' && c <= 'Z') {
        b.append('!').append((char) (c + ('a' - 'A')));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
