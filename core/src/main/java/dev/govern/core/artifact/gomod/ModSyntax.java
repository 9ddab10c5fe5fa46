package dev.govern.core.artifact.gomod;

import dev.govern.core.artifact.gomod.ModLexer.Comment;
import java.util.ArrayList;
import java.util.List;

/**
 * The syntax tree of a go.mod or go.work file: statements that are single lines, {@code verb ( … )}
 * blocks of lines, or runs of whole-line comments, each with the comments Go attaches to it.
 */
final class ModSyntax {
  private ModSyntax() {}

  /** Anything comments can attach to. */
  abstract static class Node {
    final List<Comment> before = new ArrayList<>();
    final List<Comment> suffix = new ArrayList<>();

    abstract TextPosition start();

    abstract TextPosition end();
  }

  /** A run of whole-line comments standing alone. */
  static final class CommentBlock extends Node {
    private final TextPosition start;

    CommentBlock(TextPosition start) {
      this.start = start;
    }

    @Override
    TextPosition start() {
      return start;
    }

    @Override
    TextPosition end() {
      return start;
    }
  }

  /** One directive line: its tokens (including the verb unless inside a block). */
  static final class Line extends Node {
    final TextPosition start;
    final TextPosition end;
    final List<String> tokens;
    final boolean inBlock;

    Line(TextPosition start, TextPosition end, List<String> tokens, boolean inBlock) {
      this.start = start;
      this.end = end;
      this.tokens = tokens;
      this.inBlock = inBlock;
    }

    @Override
    TextPosition start() {
      return start;
    }

    @Override
    TextPosition end() {
      return end;
    }
  }

  /** An opening or closing parenthesis of a block. */
  static final class Paren extends Node {
    final TextPosition pos;

    Paren(TextPosition pos) {
      this.pos = pos;
    }

    @Override
    TextPosition start() {
      return pos;
    }

    @Override
    TextPosition end() {
      return pos.nextColumn();
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
    TextPosition start() {
      return start;
    }

    @Override
    TextPosition end() {
      return rparen.pos.nextColumn();
    }
  }
}
