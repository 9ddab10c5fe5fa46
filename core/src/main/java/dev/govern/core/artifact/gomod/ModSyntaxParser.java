package dev.govern.core.artifact.gomod;

import dev.govern.core.artifact.gomod.ModLexer.Comment;
import dev.govern.core.artifact.gomod.ModLexer.Token;
import dev.govern.core.artifact.gomod.ModSyntax.CommentBlock;
import dev.govern.core.artifact.gomod.ModSyntax.Line;
import dev.govern.core.artifact.gomod.ModSyntax.LineBlock;
import dev.govern.core.artifact.gomod.ModSyntax.Node;
import dev.govern.core.artifact.gomod.ModSyntax.Paren;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Parses the statements of a go.mod/go.work file and attaches comments as Go does: whole-line
 * comments to the statement (or block line) that follows them; each end-of-line comment to the last
 * element, in post-order, that fits on one line and ends before the comment.
 *
 * <p>Statements stream to a consumer as soon as no later comment can attach to them, so memory does
 * not grow with the number of statements. Go attaches comments after parsing the whole file; the
 * result is the same because elements complete in the order of their end offsets.
 */
final class ModSyntaxParser {
  private final String fileName;
  private final ModLexer in;
  private final Consumer<Node> sink;

  /** Complete statements that may still receive an end-of-line comment, or wait behind one. */
  private final ArrayDeque<Node> waiting = new ArrayDeque<>();

  /** The last single-line element registered, and the statement it belongs to. */
  private Node lastEligible;

  private Node lastEligibleOwner;

  private ModSyntaxParser(String fileName, byte[] data, Consumer<Node> sink) {
    this.fileName = fileName;
    this.in = new ModLexer(data);
    this.sink = sink;
  }

  /**
   * Parses the file, handing each statement to {@code sink} in file order.
   *
   * @throws ModSyntaxError on the first lexical or block-structure error
   */
  static void parse(String fileName, byte[] data, Consumer<Node> sink) {
    ModSyntaxParser p = new ModSyntaxParser(fileName, data, sink);
    p.parseFile();
    p.finish();
  }

  private void parseFile() {
    CommentBlock cb = null;
    while (true) {
      switch (in.peek()) {
        case '\n' -> {
          in.lex();
          if (cb != null) {
            complete(cb);
            cb = null;
          }
        }
        case ModLexer.COMMENT -> {
          Token tok = in.lex();
          if (cb == null) {
            cb = new CommentBlock(tok.pos());
          }
          cb.add(new Comment(tok.pos(), tok.text()));
        }
        case ModLexer.EOF -> {
          if (cb != null) {
            complete(cb);
          }
          return;
        }
        default -> {
          parseStatement(cb == null ? List.of() : cb.comments());
          cb = null;
        }
      }
    }
  }

  private void parseStatement(List<Comment> before) {
    Token first = in.lex();
    TextPosition start = first.pos();
    TextPosition end = first.end();
    List<String> tokens = new ArrayList<>(4);
    tokens.add(first.text());
    while (true) {
      Token tok = in.lex();
      if (ModLexer.isEol(tok.kind())) {
        Line line = new Line(start, end, tokens);
        line.setBefore(before);
        complete(line);
        return;
      }
      if (tok.kind() == '(') {
        int next = in.peek();
        if (ModLexer.isEol(next)) {
          LineBlock block = new LineBlock(start, tokens, new Paren(tok.pos()));
          block.setBefore(before);
          parseLineBlock(block);
          complete(block);
          return;
        } else if (next == ')') {
          Token rparen = in.lex();
          if (ModLexer.isEol(in.peek())) {
            in.lex();
            LineBlock empty = new LineBlock(start, tokens, new Paren(tok.pos()));
            empty.rparen = new Paren(rparen.pos());
            empty.setBefore(before);
            complete(empty);
            return;
          }
          tokens.add(tok.text()); // "( )" in the middle of a line is not a block
          tokens.add(rparen.text());
        } else {
          tokens.add(tok.text());
        }
      } else {
        tokens.add(tok.text());
        end = tok.end();
      }
    }
  }

  private void parseLineBlock(LineBlock block) {
    List<Comment> comments = new ArrayList<>();
    while (true) {
      switch (in.peek()) {
        case ModLexer.EOL_COMMENT -> in.lex();
        case '\n' -> {
          in.lex();
          // A blank line is kept as an empty comment (it never carries a rationale).
          if ((comments.isEmpty() && !block.lines.isEmpty())
              || (!comments.isEmpty() && !comments.get(comments.size() - 1).text().isEmpty())) {
            comments.add(new Comment(null, ""));
          }
        }
        case ModLexer.COMMENT -> {
          Token tok = in.lex();
          comments.add(new Comment(tok.pos(), tok.text()));
        }
        case ModLexer.EOF ->
            throw new ModSyntaxError(
                in.position(),
                "syntax error (unterminated block started at "
                    + fileName
                    + ":"
                    + block.start.line()
                    + ":"
                    + block.start.column()
                    + ")");
        case ')' -> {
          Token rparen = in.lex();
          block.rparen = new Paren(rparen.pos());
          block.rparen.setBefore(comments);
          if (!ModLexer.isEol(in.peek())) {
            throw new ModSyntaxError(
                in.position(), "syntax error (expected newline after closing paren)");
          }
          in.lex();
          return;
        }
        default -> {
          Line line = parseLine();
          block.lines.add(line);
          line.setBefore(comments);
          comments = new ArrayList<>();
        }
      }
    }
  }

  private Line parseLine() {
    Token first = in.lex();
    TextPosition end = first.end();
    List<String> tokens = new ArrayList<>(4);
    tokens.add(first.text());
    while (true) {
      Token tok = in.lex();
      if (ModLexer.isEol(tok.kind())) {
        return new Line(first.pos(), end, tokens);
      }
      tokens.add(tok.text());
      end = tok.end();
    }
  }

  /** A statement is complete: register its elements in post-order, then release what is final. */
  private void complete(Node stmt) {
    if (stmt instanceof LineBlock block) {
      register(block.lparen, stmt);
      for (Line line : block.lines) {
        register(line, stmt);
      }
      register(block.rparen, stmt);
    }
    register(stmt, stmt);
    waiting.addLast(stmt);
    // Only the owner of the last single-line element can still receive a comment; statements
    // after it (all spanning lines) wait behind it to keep file order.
    while (!waiting.isEmpty() && waiting.peekFirst() != lastEligibleOwner) {
      sink.accept(waiting.removeFirst());
    }
  }

  /**
   * Comments starting before {@code x} ends cannot belong to {@code x} or anything after it: they
   * go to the last single-line element so far. Then {@code x} becomes that element if it fits on
   * one line.
   */
  private void register(Node x, Node owner) {
    flushCommentsBefore(x.endOffset());
    if (x.startLine() == x.endLine()) {
      lastEligible = x;
      lastEligibleOwner = owner;
    }
  }

  private void flushCommentsBefore(long offset) {
    ArrayDeque<Comment> pending = in.suffixComments();
    while (!pending.isEmpty() && pending.peekFirst().start().offset() < offset) {
      Comment c = pending.removeFirst();
      if (lastEligible != null) {
        lastEligible.addSuffix(c); // with no element before it, Go keeps it on the file
      }
    }
  }

  private void finish() {
    flushCommentsBefore(Long.MAX_VALUE);
    while (!waiting.isEmpty()) {
      sink.accept(waiting.removeFirst());
    }
  }
}
