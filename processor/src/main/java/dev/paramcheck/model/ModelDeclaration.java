package dev.paramcheck.model;

import java.util.List;

/**
 * A model as declared: its class (always the first member), its annotated fields in declaration
 * order, and the budgets its package sets as policies ({@code package-info.java}).
 *
 * @param packageName the package's name, for messages about its policies
 */
public record ModelDeclaration(String name, List<Member> members, String packageName, List<Written> policies) {
  public ModelDeclaration(String name, List<Member> members) {
    this(name, members, "", List.of());
  }

  public ModelDeclaration {
    members = List.copyOf(members);
    policies = List.copyOf(policies);
    if (members.isEmpty() || !members.get(0).isClass()) {
      throw new IllegalArgumentException("the first member is the model class");
    }
  }
}
