package dev.govern.core.gate;

/** How much a finding matters; the order is the order reports list them in. */
public enum Severity {
  FAIL,
  WARN,
  INFO
}
