package dev.paramcheck.model;

/**
 * Where a problem is: which member (index into {@link ModelDeclaration#members()}), which of its
 * annotations (index into {@link Member#annotations()}, or -1 for the element itself), and which
 * attribute, if one is at fault.
 */
public record Site(int member, int annotation, String attribute) {
  /** The member index of a problem with a package's policy annotation. */
  public static final int PACKAGE = -1;

  public static Site element(int member) {
    return new Site(member, -1, null);
  }

  public static Site annotation(int member, int annotation) {
    return new Site(member, annotation, null);
  }

  public Site at(String attribute) {
    return new Site(member, annotation, attribute);
  }
}
