package dev.paramcheck.model;

import java.util.List;

/**
 * A model's class or one of its fields, with the paramcheck annotations written on it.
 *
 * @param name the field's name, or the class's simple name
 * @param isClass whether this is the model class itself
 * @param annotations paramcheck's annotations on it, in source order
 */
public record Member(String name, boolean isClass, List<Written> annotations) {
  public Member {
    annotations = List.copyOf(annotations);
  }

  public static Member field(String name, Written... annotations) {
    return new Member(name, false, List.of(annotations));
  }

  public static Member type(String name, Written... annotations) {
    return new Member(name, true, List.of(annotations));
  }

  public static Member type(String name, List<Written> annotations) {
    return new Member(name, true, annotations);
  }

  /** This member with one more annotation. */
  public Member with(Written annotation) {
    List<Written> more = new java.util.ArrayList<>(annotations);
    more.add(annotation);
    return new Member(name, isClass, more);
  }

  /** How messages name the member: {@code class M} or {@code field 'encoder'}. */
  public String describe() {
    return isClass ? "class " + name : "field '" + name + "'";
  }
}
