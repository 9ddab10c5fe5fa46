package dev.govern.core.artifact.gomod;

/**
 * A {@code godebug key=value} setting.
 *
 * @param key the setting name ({@code default} sets all settings as of a Go version)
 * @param value its value
 * @param line where it is
 */
public record Godebug(String key, String value, int line) {}
