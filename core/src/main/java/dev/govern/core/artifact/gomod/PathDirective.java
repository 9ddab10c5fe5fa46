package dev.govern.core.artifact.gomod;

/**
 * A one-path directive: {@code tool} (a package path), {@code ignore} (a directory) or go.work
 * {@code use} (a module directory).
 *
 * @param path the path, unquoted
 * @param line where it is
 */
public record PathDirective(String path, int line) {}
