package dev.govern.cli.support;

/**
 * A document printed by {@code --json}. Every one carries a {@code schemaVersion}, raised when a
 * field changes meaning or disappears (adding a field does not raise it).
 */
public interface JsonDocument {
  int schemaVersion();
}
