package dev.govern.core.artifact.gomod;

import dev.govern.core.artifact.gomod.ModLexer.Comment;
import java.util.ArrayList;
import java.util.List;

/**
 * The syntax tree of a go.mod or go.work file: statements that are single lines, {@code verb ( … )}
 * blocks of lines, or runs of whole-line comments, each with the comments Go attaches to it. Nodes
 * are kept small (comment lists are allocated only when used) because a file may hold millions.
 */
final class ModSyntax {
  private ModSyntax() {}

  /** Anything comments can attach to. */
  abstract static class Node {
    private List<Comment> before;
    private List<Comment> suffix;

    /** Whole-line comments (and blank-line markers with empty text) before this node. */
    List<Comment> before() {
      return before == null ? List.of() : before;
    }

    /** End-of-line comments after this node, in file order. */
    List<Comment> suffix() {
      return suffix == null ? List.of() : suffix;
    }

    void setBefore(List<Comment> comments) {
      before = comments.isEmpty() ? null : comments;
    }

    void addSuffix(Comment c) {
      if (suffix == null) {
        suffix = new ArrayList<>(1);
      }
      suffix.add(c);
    }

    abstract int startLine();

    abstract int endLine();

    /** Byte offset just after this node. */
    abstract int endOffset();
  }

  /** A run of whole-line comments standing alone. */
  static final class CommentBlock extends Node {
    private final TextPosition start;
    private final List<Comment> comments = new ArrayList<>();

    CommentBlock(TextPosition start) {
      this.start = start;
    }

    void add(Comment c) {
      comments.add(c);
    }

    List<Comment> comments() {
      return comments;
    }

    @Override
    int startLine() {
      return start.line();
    }

    @Override
    int endLine() {
      return start.line();
    }

    @Override
    int endOffset() {
      return start.offset();
    }
  }

  /** One directive line: its tokens (including the verb unless inside a block). */
  static final class Line extends Node {
    final TextPosition start;
    private final int endLine;
    private final int endOffset;
    final List<String> tokens;

    Line(TextPosition start, TextPosition end, List<String> tokens) {
      this.start = start;
      this.endLine = end.line();
      this.endOffset = end.offset();
      this.tokens = tokens;
    }

    @Override
    int startLine() {
      return start.line();
    }

    @Override
    int endLine() {
      return endLine;
    }

    @Override
    int endOffset() {
      return endOffset;
    }
  }

  /** An opening or closing parenthesis of a block. */
  static final class Paren extends Node {
    final TextPosition pos;

    Paren(TextPosition pos) {
      this.pos = pos;
    }

    @Override
    int startLine() {
      return pos.line();
    }

    @Override
    int endLine() {
      return pos.line();
    }

    @Override
    int endOffset() {
      return pos.offset() + 1;
    }
  }

  /** A block {@code verb ( lines )}. */
  static final class LineBlock extends Node {
    final TextPosition start;
    final List<String> tokens;
    final Paren lparen;
    final List<Line> lines = new ArrayList<>();
    Paren rparen;

    LineBlock(TextPosition start, List<String> tokens, Paren lparen) {
      this.start = start;
      this.tokens = tokens;
      this.lparen = lparen;
    }

    @Override
    int startLine() {
      return start.line();
    }

    @Override
    int endLine() {
      return rparen.pos.line();
    }

    @Override
    int endOffset() {
      return rparen.pos.offset() + 1;
    }
  }
}
