package dev.govern.core.artifact.gomod;

import dev.govern.core.GovernException;
import dev.govern.core.artifact.gomod.ModFileInterpreter.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads go.mod and go.work files exactly as Go's {@code golang.org/x/mod/modfile} does with a
 * {@code nil} version fixer: same grammar, same canonicalisation, same errors at the same lines.
 *
 * <p>{@link #parse} is Go's strict {@code modfile.Parse} (the main module), {@link #parseLax} is
 * {@code modfile.ParseLax} (a dependency's go.mod: unknown directives and main-module-only
 * directives are skipped), {@link #parseWork} is {@code modfile.ParseWork}. A file Go rejects
 * raises {@link GoModSyntaxException} (INVALID_INPUT) listing every error Go reports.
 */
public final class GoModParser {
  /** Files larger than this are refused before reading (real go.mod files are kilobytes). */
  public static final int MAX_SIZE = 16 * 1024 * 1024;

  private GoModParser() {}

  /** Parses a go.mod file of the main module. */
  public static GoModFile parse(String fileName, byte[] data) {
    return interpret(fileName, data, Mode.MOD_STRICT).modFile();
  }

  /** Parses a dependency's go.mod, tolerating directives newer Go versions may add. */
  public static GoModFile parseLax(String fileName, byte[] data) {
    return interpret(fileName, data, Mode.MOD_LAX).modFile();
  }

  /** Parses a go.work file. */
  public static GoWorkFile parseWork(String fileName, byte[] data) {
    return interpret(fileName, data, Mode.WORK).workFile();
  }

  /** Reads and parses a go.mod file; errors name the path as given. */
  public static GoModFile read(Path file) {
    return parse(file.toString(), readBounded(file));
  }

  /** Reads and parses a go.work file. */
  public static GoWorkFile readWork(Path file) {
    return parseWork(file.toString(), readBounded(file));
  }

  /** Whether a file name denotes a go.work file ({@code go.work} or any {@code *.work}). */
  public static boolean isWorkFileName(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().endsWith(".work");
  }

  /**
   * Go's {@code modfile.IsDirectoryPath}: {@code .}, {@code ..}, paths starting with {@code ./},
   * {@code ../}, {@code /}, their backslash forms, and Windows drive paths are directories.
   */
  public static boolean isDirectoryPath(String p) {
    return p.equals(".")
        || p.startsWith("./")
        || p.startsWith(".\\")
        || p.equals("..")
        || p.startsWith("../")
        || p.startsWith("..\\")
        || p.startsWith("/")
        || p.startsWith("\\")
        || (p.length() >= 2 && isAsciiLetter(p.charAt(0)) && p.charAt(1) == ':');
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static ModFileInterpreter interpret(String fileName, byte[] data, Mode mode) {
    checkSize(fileName, data.length);
    ModFileInterpreter interpreter = new ModFileInterpreter(fileName, mode);
    try {
      ModSyntaxParser.parse(fileName, data, interpreter::accept);
    } catch (ModSyntaxError e) {
      // Like Go: a lexical or block error is the only one reported.
      throw new GoModSyntaxException(
          List.of(GoModError.at(fileName, e.position(), e.getMessage())));
    }
    if (!interpreter.errors().isEmpty()) {
      throw new GoModSyntaxException(interpreter.errors());
    }
    return interpreter;
  }

  private static void checkSize(String fileName, long size) {
    if (size > MAX_SIZE) {
      throw GovernException.invalidInput(
          fileName
              + ": file is too large for a go.mod or go.work file ("
              + size
              + " bytes; the limit is "
              + MAX_SIZE
              + ")");
    }
  }

  static byte[] readBounded(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw GovernException.invalidInput(file + ": is a directory, not a go.mod or go.work file");
      }
      checkSize(file.toString(), Files.size(file));
      try (InputStream in = Files.newInputStream(file)) {
        byte[] data = in.readNBytes(MAX_SIZE + 1); // the file may grow after the size check
        checkSize(file.toString(), data.length);
        return data;
      }
    } catch (NoSuchFileException e) {
      throw GovernException.notFound(file + ": no such file", "check the path");
    } catch (IOException e) {
      throw GovernException.runtime(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
