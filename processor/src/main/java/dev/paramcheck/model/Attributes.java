package dev.paramcheck.model;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The values of one annotation as the compiler read them, defaults included: {@link Integer},
 * {@link Long}, {@link Boolean}, {@link Double} or {@link String} (an enum constant by its name), or
 * an unmodifiable {@link List} of these for an array attribute.
 * The shell has already checked each value's type against the annotation's; a missing value here
 * is a bug in paramcheck, not in the user's code.
 *
 * @param values every attribute's value, in the annotation's declaration order
 * @param written the attributes written in the source (the others have their default)
 */
public record Attributes(Map<String, Object> values, Set<String> written) {
  public Attributes {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    written = Set.copyOf(written);
  }

  private Object value(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no value for " + name + " in " + values.keySet());
    }
    return value;
  }

  public int integer(String name) {
    return ((Number) value(name)).intValue();
  }

  public long longValue(String name) {
    return ((Number) value(name)).longValue();
  }

  public double real(String name) {
    return ((Number) value(name)).doubleValue();
  }

  public boolean flag(String name) {
    return (Boolean) value(name);
  }

  public String text(String name) {
    return (String) value(name);
  }

  /** The values of an {@code int[]} attribute. */
  public List<Integer> ints(String name) {
    return ((List<?>) value(name)).stream().map(v -> ((Number) v).intValue()).toList();
  }

  /** The values of a {@code String[]} attribute. */
  public List<String> strings(String name) {
    return ((List<?>) value(name)).stream().map(String.class::cast).toList();
  }

  /** The value of an enum attribute, by constant name. */
  public <E extends Enum<E>> E constant(String name, Class<E> type) {
    return Enum.valueOf(type, text(name));
  }

  /** An {@code int} attribute whose default means "not written", such as {@code features}. */
  public OptionalInt ifWritten(String name) {
    return written.contains(name) ? OptionalInt.of(integer(name)) : OptionalInt.empty();
  }

  /** The attribute values as {@code name = value} pairs, for messages and records. */
  public List<Map.Entry<String, Object>> entries() {
    return List.copyOf(values.entrySet());
  }
}
