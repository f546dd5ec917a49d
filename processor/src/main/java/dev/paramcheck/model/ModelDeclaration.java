package dev.paramcheck.model;

import java.util.List;

/**
 * A model as declared: its class (always the first member) and its annotated fields in
 * declaration order.
 */
public record ModelDeclaration(String name, List<Member> members) {
  public ModelDeclaration {
    members = List.copyOf(members);
    if (members.isEmpty() || !members.get(0).isClass()) {
      throw new IllegalArgumentException("the first member is the model class");
    }
  }
}
