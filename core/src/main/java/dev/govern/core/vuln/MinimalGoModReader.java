package dev.govern.core.vuln;

import dev.govern.core.GovernException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads only the {@code go}, {@code toolchain} and {@code require} directives of a go.mod (line and
 * block forms, quoted paths, {@code // indirect}); everything else is skipped. {@code replace} is
 * ignored, so a replaced module is matched at its required version. A stand-in until the full
 * go.mod parser is plugged in through {@link GoModFactsReader}.
 */
public final class MinimalGoModReader implements GoModFactsReader {
  @Override
  public GoModFacts read(Path goMod) {
    List<String> lines;
    try {
      lines = Files.readAllLines(goMod, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw GovernException.notFound("no go.mod at " + goMod, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + goMod, e);
    }
    Optional<String> go = Optional.empty();
    Optional<String> toolchain = Optional.empty();
    List<GoModFacts.Requirement> requires = new ArrayList<>();
    String block = null;
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      int comment = raw.indexOf("//");
      boolean indirect =
          comment >= 0 && raw.substring(comment + 2).strip().matches("indirect(;.*)?");
      String line = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      List<String> words = words(line);
      if (block != null) {
        if (line.equals(")")) {
          block = null;
        } else if (block.equals("require")) {
          requires.add(requirement(words, indirect, goMod, i + 1));
        }
        continue;
      }
      String verb = words.get(0);
      if (words.size() == 2 && words.get(1).equals("()")) {
        continue; // an empty block
      }
      if (words.size() == 2 && words.get(1).equals("(")) {
        block = verb;
        continue;
      }
      switch (verb) {
        case "go" -> go = Optional.of(single(words, goMod, i + 1));
        case "toolchain" -> toolchain = Optional.of(single(words, goMod, i + 1));
        case "require" ->
            requires.add(requirement(words.subList(1, words.size()), indirect, goMod, i + 1));
        default -> {
          // module, replace, exclude, retract, godebug, tool: not needed for matching
        }
      }
    }
    return new GoModFacts(goMod.toString(), go, toolchain, requires);
  }

  private static String single(List<String> words, Path file, int line) {
    if (words.size() != 2) {
      throw GovernException.invalidInput(
          file + ":" + line + ": expected '" + words.get(0) + " VERSION'");
    }
    return words.get(1);
  }

  private static GoModFacts.Requirement requirement(
      List<String> words, boolean indirect, Path file, int line) {
    if (words.size() != 2) {
      throw GovernException.invalidInput(
          file + ":" + line + ": expected 'MODULE VERSION' in a require directive");
    }
    return new GoModFacts.Requirement(words.get(0), words.get(1), indirect);
  }

  /** Splits on blanks; a double-quoted or back-quoted word may hold blanks. */
  private static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '`') {
        int end = line.indexOf(c, i + 1);
        end = end < 0 ? line.length() : end;
        out.add(line.substring(i + 1, end).replace("\\\"", "\""));
        i = end + 1;
      } else {
        int start = i;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        out.add(line.substring(start, i));
      }
    }
    return out;
  }
}
