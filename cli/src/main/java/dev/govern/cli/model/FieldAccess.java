package dev.govern.cli.model;

import java.lang.reflect.Field;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;

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
    return (T) Instances.get(field, owner);
  }

  @Override
  public <T> T set(T value) {
    T old = get();
    Instances.set(field, owner, value);
    return old;
  }
}
