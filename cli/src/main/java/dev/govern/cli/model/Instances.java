package dev.govern.cli.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import picocli.CommandLine.InitializationException;

/** Reflection the model needs: classes by name, no-argument construction, fields. */
final class Instances {
  private Instances() {}

  static Class<?> type(String name) {
    switch (name) {
      case "boolean":
        return boolean.class;
      case "int":
        return int.class;
      case "long":
        return long.class;
      case "double":
        return double.class;
      case "float":
        return float.class;
      case "short":
        return short.class;
      case "byte":
        return byte.class;
      case "char":
        return char.class;
      default:
        try {
          return Class.forName(name, false, Instances.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new InitializationException("command model names a missing class " + name);
        }
    }
  }

  static <T> T create(String className, Class<T> as) {
    return as.cast(create(type(className)));
  }

  static Object create(Class<?> c) {
    try {
      Constructor<?> k = c.getDeclaredConstructor();
      k.setAccessible(true);
      return k.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new InitializationException("cannot create " + c.getName() + ": " + e, e);
    }
  }

  static Field field(String declaringClass, String name) {
    try {
      Field f = type(declaringClass).getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (NoSuchFieldException e) {
      throw new InitializationException(
          "command model names a missing field " + declaringClass + "." + name);
    }
  }

  static Object get(Field f, Object owner) {
    try {
      return f.get(owner);
    } catch (IllegalAccessException e) {
      throw new InitializationException("cannot read " + f + ": " + e, e);
    }
  }

  static void set(Field f, Object owner, Object value) {
    try {
      f.set(owner, value);
    } catch (IllegalAccessException e) {
      throw new InitializationException("cannot set " + f + ": " + e, e);
    }
  }
}
