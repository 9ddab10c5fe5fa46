package dev.govern.cli.model;

import java.lang.reflect.Field;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.PicocliException;

/** Binds an option or parameter to one field of one object, as picocli's annotations would. */
final class FieldAccess implements IGetter, ISetter {
  private final Field field;
  private final Object owner;

  FieldAccess(Field field, Object owner) {
    this.field = field;
    this.owner = owner;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get() {
    try {
      return (T) field.get(owner);
    } catch (IllegalAccessException e) {
      throw new PicocliException("cannot read " + field + ": " + e.getMessage(), e);
    }
  }

  @Override
  public <T> T set(T value) {
    try {
      @SuppressWarnings("unchecked")
      T old = (T) field.get(owner);
      field.set(owner, value);
      return old;
    } catch (IllegalAccessException e) {
      throw new PicocliException("cannot set " + field + ": " + e.getMessage(), e);
    }
  }
}
