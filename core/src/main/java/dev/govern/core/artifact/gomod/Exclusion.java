package dev.govern.core.artifact.gomod;

/**
 * An {@code exclude} line.
 *
 * @param path the module path
 * @param version the excluded canonical version
 * @param line where it is
 */
public record Exclusion(String path, String version, int line) {}
