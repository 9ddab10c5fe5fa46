package dev.govern.core.artifact.gomod;

import dev.govern.core.artifact.gomod.ModLexer.Comment;
import dev.govern.core.artifact.gomod.ModLexer.Token;
import dev.govern.core.artifact.gomod.ModSyntax.CommentBlock;
import dev.govern.core.artifact.gomod.ModSyntax.Line;
import dev.govern.core.artifact.gomod.ModSyntax.LineBlock;
import dev.govern.core.artifact.gomod.ModSyntax.Node;
import dev.govern.core.artifact.gomod.ModSyntax.Paren;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds the statement list of a go.mod/go.work file and attaches comments as Go does: whole-line
 * comments to the statement (or block line) that follows them, end-of-line comments to the element
 * that ends just before them on the same line.
 */
final class ModSyntaxParser {
  private final String fileName;
  private final ModLexer in;
  private final List<Node> statements = new ArrayList<>();

  private ModSyntaxParser(String fileName, byte[] data) {
    this.fileName = fileName;
    this.in = new ModLexer(data);
  }

  /**
   * Parses the statement structure.
   *
   * @throws ModSyntaxError on the first lexical or block-structure error
   */
  static List<Node> parse(String fileName, byte[] data) {
    ModSyntaxParser p = new ModSyntaxParser(fileName, data);
    p.parseFile();
    p.assignSuffixComments();
    return p.statements;
  }

  private void parseFile() {
    CommentBlock cb = null;
    while (true) {
      switch (in.peek()) {
        case '\n' -> {
          in.lex();
          if (cb != null) {
            statements.add(cb);
            cb = null;
          }
        }
        case ModLexer.COMMENT -> {
          Token tok = in.lex();
          if (cb == null) {
            cb = new CommentBlock(tok.pos());
          }
          cb.before.add(new Comment(tok.pos(), tok.text()));
        }
        case ModLexer.EOF -> {
          if (cb != null) {
            statements.add(cb);
          }
          return;
        }
        default -> {
          parseStatement();
          if (cb != null) {
            Node last = statements.get(statements.size() - 1);
            last.before.clear();
            last.before.addAll(cb.before);
            cb = null;
          }
        }
      }
    }
  }

  private void parseStatement() {
    Token first = in.lex();
    TextPosition start = first.pos();
    TextPosition end = first.end();
    List<String> tokens = new ArrayList<>();
    tokens.add(first.text());
    while (true) {
      Token tok = in.lex();
      if (ModLexer.isEol(tok.kind())) {
        statements.add(new Line(start, end, tokens, false));
        return;
      }
      if (tok.kind() == '(') {
        int next = in.peek();
        if (ModLexer.isEol(next)) {
          statements.add(parseLineBlock(start, tokens, tok));
          return;
        } else if (next == ')') {
          Token rparen = in.lex();
          if (ModLexer.isEol(in.peek())) {
            in.lex();
            LineBlock empty = new LineBlock(start, tokens, new Paren(tok.pos()));
            empty.rparen = new Paren(rparen.pos());
            statements.add(empty);
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

  private LineBlock parseLineBlock(TextPosition start, List<String> tokens, Token lparen) {
    LineBlock block = new LineBlock(start, tokens, new Paren(lparen.pos()));
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
                    + start.line()
                    + ":"
                    + start.column()
                    + ")");
        case ')' -> {
          Token rparen = in.lex();
          block.rparen = new Paren(rparen.pos());
          block.rparen.before.addAll(comments);
          if (!ModLexer.isEol(in.peek())) {
            throw new ModSyntaxError(
                in.position(), "syntax error (expected newline after closing paren)");
          }
          in.lex();
          return block;
        }
        default -> {
          Line line = parseLine();
          block.lines.add(line);
          line.before.addAll(comments);
          comments = new ArrayList<>();
        }
      }
    }
  }

  private Line parseLine() {
    Token first = in.lex();
    TextPosition end = first.end();
    List<String> tokens = new ArrayList<>();
    tokens.add(first.text());
    while (true) {
      Token tok = in.lex();
      if (ModLexer.isEol(tok.kind())) {
        return new Line(first.pos(), end, tokens, true);
      }
      tokens.add(tok.text());
      end = tok.end();
    }
  }

  /**
   * Go's rule: walking elements in reverse post-order, each element on a single line takes the
   * remaining end-of-line comments that start at or after its end.
   */
  private void assignSuffixComments() {
    List<Node> post = new ArrayList<>();
    for (Node stmt : statements) {
      if (stmt instanceof LineBlock block) {
        post.add(block.lparen);
        post.addAll(block.lines);
        post.add(block.rparen);
      }
      post.add(stmt);
    }
    List<Comment> suffix = in.suffixComments();
    int remaining = suffix.size();
    for (int i = post.size() - 1; i >= 0 && remaining > 0; i--) {
      Node x = post.get(i);
      if (x.start().line() != x.end().line()) {
        continue;
      }
      while (remaining > 0 && x.end().offset() <= suffix.get(remaining - 1).start().offset()) {
        x.suffix.add(suffix.get(remaining - 1));
        remaining--;
      }
    }
    for (Node x : post) {
      Collections.reverse(x.suffix);
    }
  }
}
