package dev.govern.cli.support;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into govern's error contract: one line {@code govern: error: <message>} on
 * stderr, at most one hint line, a stack trace only with {@code --verbose}; in JSON mode also
 * exactly one {@code {"error":{...}}} document on stdout.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final CliIo io;

  public ErrorReporter(CliIo io) {
    this.io = io;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    String name = cl.getCommandSpec().qualifiedName();
    boolean json = false;
    for (String a : args) {
      json |= a.equals("--json") || a.equals("--format=json");
    }
    String hint = "run '" + name + " --help' for usage";
    if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      // picocli's closest "did you mean", for a mistyped command or option
      hint = "did you mean " + u.getSuggestions().get(0) + "?";
    }
    report(ErrorCode.USAGE, ex.getMessage(), hint, json, null, false);
    return ErrorCode.USAGE.exitCode();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    boolean json = matched(parsed, "--json") || "json".equals(formatValue(parsed));
    boolean verbose = matched(parsed, "--verbose");
    Throwable t = ex;
    if (t instanceof GovernException g) {
      report(g.code(), g.getMessage(), g.hint().orElse(null), json, g, verbose);
      return g.code().exitCode();
    }
    if (t instanceof UncheckedIOException u) {
      t = u.getCause();
    }
    if (t instanceof IOException io) {
      report(ErrorCode.RUNTIME, describe(io), null, json, io, verbose);
      return ErrorCode.RUNTIME.exitCode();
    }
    report(
        ErrorCode.INTERNAL,
        "internal error: " + ex,
        "this is a bug in govern; rerun with --verbose and report the stack trace",
        json,
        ex,
        verbose);
    return ErrorCode.INTERNAL.exitCode();
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    String kind = e.getClass().getSimpleName().replace("Exception", "");
    return switch (kind) {
      case "NoSuchFile" -> "no such file: " + m;
      case "AccessDenied" -> "permission denied: " + m;
      case "FileAlreadyExists" -> "already exists: " + m;
      case "NotDirectory" -> "not a directory: " + m;
      case "DirectoryNotEmpty" -> "directory not empty: " + m;
      default -> m == null ? kind : m;
    };
  }

  private void report(
      ErrorCode code, String message, String hint, boolean json, Throwable t, boolean verbose) {
    PrintWriter err = io.err();
    String oneLine = message.replace('\n', ' ').strip();
    err.println(io.ansi().string("@|red,bold govern: error:|@ ") + oneLine);
    if (hint != null) {
      err.println("hint: " + hint);
    }
    if (verbose && t != null) {
      t.printStackTrace(err);
    }
    err.flush();
    if (json) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("code", code.slug());
      body.put("message", oneLine);
      if (hint != null) {
        body.put("hint", hint);
      }
      body.put("exitCode", code.exitCode());
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("schemaVersion", 1);
      doc.put("error", body);
      io.out().println(JsonOutput.toJson(doc));
      io.out().flush();
    }
  }

  private static boolean matched(ParseResult parsed, String option) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(option)) {
        return true;
      }
    }
    return false;
  }

  private static String formatValue(ParseResult parsed) {
    String value = null;
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--format")) {
        value = String.valueOf(p.matchedOptionValue("--format", ""));
      }
    }
    return value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
  }
}
