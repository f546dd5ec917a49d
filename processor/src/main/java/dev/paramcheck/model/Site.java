package dev.paramcheck.model;

/**
 * Where a problem is: which member (index into {@link ModelDeclaration#members()}), which of its
 * annotations, and which attribute of it, if one is at fault.
 *
 * @param member index of the class (0) or field
 * @param part which annotation
 * @param index for {@link Part#LAYER}, which layer annotation on the member (usually 0)
 * @param attribute the annotation attribute at fault, or {@code null} for the whole annotation
 */
public record Site(int member, Part part, int index, String attribute) {
  /** The kinds of paramcheck annotation a problem can sit on. */
  public enum Part {
    LAYER,
    BIDIRECTIONAL,
    BUDGET
  }

  static Site layer(int member) {
    return new Site(member, Part.LAYER, 0, null);
  }

  static Site layerValue(int member, String attribute) {
    return new Site(member, Part.LAYER, 0, attribute);
  }
}
