package dev.paramcheck.processor;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Member;
import dev.paramcheck.model.ModelDeclaration;
import dev.paramcheck.model.Written;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads a model class's annotations into a {@link ModelDeclaration}, remembering which element and
 * annotation mirror each one came from so that problems can be reported there. It knows no layer
 * kind: every paramcheck annotation is read the same way, its values checked against the types
 * its attributes declare.
 */
final class ModelReader {
  /** Where a member's annotations are in the source: the element and one mirror per annotation. */
  record Location(Element element, List<AnnotationMirror> mirrors) {}

  /** A model as read, with a location per member (same indices) and one for its package's policies. */
  record ReadModel(TypeElement type, ModelDeclaration declaration, List<Location> locations, Location policies) {}

  /** Thrown when javac has already reported a broken annotation: the model is left alone. */
  private static final class JavacReported extends Exception {
    private static final long serialVersionUID = 1L;

    JavacReported() {
      super(null, null, false, false);
    }
  }

  private final Elements elements;

  ModelReader(Elements elements) {
    this.elements = elements;
  }

  /**
   * Reads {@code type}; empty when one of its annotations is broken in a way javac reports itself
   * (a missing required value, a value that does not compile, a repeated annotation), so that the
   * user sees javac's error and not a second one from us.
   */
  Optional<ReadModel> read(TypeElement type) {
    List<Member> members = new ArrayList<>();
    List<Location> locations = new ArrayList<>();
    try {
      String className = type.getSimpleName().toString();
      readMember(type, className, true, members, locations);
      for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        readMember(field, field.getSimpleName().toString(), false, members, locations);
      }
      PackageElement pkg = elements.getPackageOf(type);
      List<Written> policies = new ArrayList<>(1);
      List<AnnotationMirror> policyMirrors = new ArrayList<>(1);
      read(pkg, policies, policyMirrors);
      ModelDeclaration declaration =
          new ModelDeclaration(className, members, pkg.getQualifiedName().toString(), policies);
      return Optional.of(new ReadModel(type, declaration, locations, new Location(pkg, List.copyOf(policyMirrors))));
    } catch (JavacReported e) {
      return Optional.empty();
    }
  }

  private void readMember(
      Element element, String name, boolean isClass, List<Member> members, List<Location> locations)
      throws JavacReported {
    List<Written> written = new ArrayList<>(2);
    List<AnnotationMirror> mirrors = new ArrayList<>(2);
    read(element, written, mirrors);
    if (!isClass && written.isEmpty()) {
      return; // a field that is not part of the model
    }
    members.add(new Member(name, isClass, written));
    locations.add(new Location(element, List.copyOf(mirrors)));
  }

  /** paramcheck's annotations on {@code element}, each with its mirror. */
  private void read(Element element, List<Written> written, List<AnnotationMirror> mirrors) throws JavacReported {
    Set<String> seen = new HashSet<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String qualified = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
      String simple = Annotations.OURS.get(qualified);
      if (simple == null) {
        continue;
      }
      if (!seen.add(qualified)) {
        throw new JavacReported(); // "is not a repeatable annotation type"
      }
      written.add(new Written(simple, attributes(mirror)));
      mirrors.add(mirror);
    }
  }

  /** The mirror's values, defaults included, each checked against the attribute's declared type. */
  private Attributes attributes(AnnotationMirror mirror) throws JavacReported {
    Map<String, Object> values = new LinkedHashMap<>();
    Set<String> written = new HashSet<>();
    for (ExecutableElement attribute : mirror.getElementValues().keySet()) {
      written.add(attribute.getSimpleName().toString());
    }
    Map<? extends ExecutableElement, ? extends AnnotationValue> all = elements.getElementValuesWithDefaults(mirror);
    for (ExecutableElement attribute : ElementFilter.methodsIn(mirror.getAnnotationType().asElement().getEnclosedElements())) {
      AnnotationValue value = all.get(attribute);
      if (value == null) {
        throw new JavacReported(); // a required value is missing
      }
      values.put(attribute.getSimpleName().toString(), value(attribute.getReturnType(), value.getValue()));
    }
    return new Attributes(values, written);
  }

  private static boolean isEnum(TypeMirror type) {
    return type instanceof DeclaredType declared && declared.asElement().getKind() == ElementKind.ENUM;
  }

  /** The value as plain Java, if it has the attribute's type; otherwise javac has reported it. */
  private static Object value(TypeMirror type, Object value) throws JavacReported {
    TypeKind kind = type.getKind();
    if (kind == TypeKind.ARRAY) {
      if (!(value instanceof List<?> elements)) {
        throw new JavacReported();
      }
      TypeMirror component = ((javax.lang.model.type.ArrayType) type).getComponentType();
      List<Object> values = new ArrayList<>(elements.size());
      for (Object element : elements) {
        if (!(element instanceof AnnotationValue v)) {
          throw new JavacReported();
        }
        values.add(value(component, v.getValue()));
      }
      return List.copyOf(values);
    }
    boolean fits = switch (kind) {
      case INT -> value instanceof Integer;
      case LONG -> value instanceof Long || value instanceof Integer; // some compilers keep an int literal's type
      case DOUBLE -> value instanceof Double || value instanceof Float || value instanceof Integer || value instanceof Long;
      case BOOLEAN -> value instanceof Boolean;
      case DECLARED -> isEnum(type)
          ? value instanceof VariableElement constant && constant.getKind() == ElementKind.ENUM_CONSTANT
          : value instanceof String // ecj hands over a broken enum value as a string
              || value instanceof DeclaredType declared && declared.asElement() instanceof TypeElement; // a Class value
      default -> false;
    };
    if (!fits) {
      throw new JavacReported();
    }
    if (value instanceof VariableElement constant) {
      return constant.getSimpleName().toString();
    }
    if (value instanceof DeclaredType declared) {
      return ((TypeElement) declared.asElement()).getQualifiedName().toString(); // @Block(SomeBlock.class)
    }
    if (kind == TypeKind.LONG) {
      return ((Number) value).longValue();
    }
    if (kind == TypeKind.DOUBLE) {
      return ((Number) value).doubleValue();
    }
    return value;
  }
}
