package dev.govern.core.artifact.gomod;

/**
 * A place in a go.mod or go.work file.
 *
 * @param line 1-based line
 * @param column 1-based column counted in runes (characters), as Go counts them
 * @param offset 0-based byte offset
 */
record TextPosition(int line, int column, int offset) {}
