package dev.paramcheck.processor;

import dev.paramcheck.Bidirectional.Merge;
import dev.paramcheck.model.LayerSpec;
import dev.paramcheck.model.LayerType;
import dev.paramcheck.model.Member;
import dev.paramcheck.model.ModelDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads a model class's annotations into a {@link ModelDeclaration}, remembering which element and
 * annotation mirror each member came from so that problems can be reported there.
 */
final class ModelReader {
  /** Where a member's annotations are in the source. */
  record Location(
      Element element, List<AnnotationMirror> layers, AnnotationMirror bidirectional, AnnotationMirror budget) {}

  /** A model as read, with a location per member (same indices). */
  record ReadModel(TypeElement type, ModelDeclaration declaration, List<Location> locations) {}

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
      return Optional.of(new ReadModel(type, new ModelDeclaration(className, members), locations));
    } catch (JavacReported e) {
      return Optional.empty();
    }
  }

  private void readMember(
      Element element, String name, boolean isClass, List<Member> members, List<Location> locations)
      throws JavacReported {
    List<LayerSpec> layers = new ArrayList<>(1);
    List<AnnotationMirror> layerMirrors = new ArrayList<>(1);
    AnnotationMirror bidirectional = null;
    AnnotationMirror budget = null;
    Optional<Merge> merge = Optional.empty();
    OptionalLong max = OptionalLong.empty();
    Set<String> seen = new HashSet<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String annotation = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
      LayerType layerType = Annotations.LAYERS.get(annotation);
      boolean ours = layerType != null
          || annotation.equals(Annotations.BIDIRECTIONAL)
          || annotation.equals(Annotations.PARAM_BUDGET);
      if (ours && !seen.add(annotation)) {
        throw new JavacReported(); // "is not a repeatable annotation type"
      }
      if (layerType != null) {
        layers.add(layer(layerType, mirror));
        layerMirrors.add(mirror);
      } else if (annotation.equals(Annotations.BIDIRECTIONAL)) {
        bidirectional = mirror;
        merge = Optional.of(Merge.valueOf(enumValue(values(mirror), "merge")));
      } else if (annotation.equals(Annotations.PARAM_BUDGET)) {
        budget = mirror;
        max = OptionalLong.of(longValue(values(mirror), "max"));
      }
    }
    if (!isClass && layerMirrors.isEmpty() && bidirectional == null && budget == null) {
      return; // a field that is not part of the model
    }
    members.add(new Member(name, isClass, layers, merge, max));
    locations.add(new Location(element, List.copyOf(layerMirrors), bidirectional, budget));
  }

  private LayerSpec layer(LayerType type, AnnotationMirror mirror) throws JavacReported {
    Map<String, Object> values = values(mirror);
    if (type == LayerType.EMBEDDING) {
      return LayerSpec.embedding(intValue(values, "inputDim"), intValue(values, "outputDim"));
    }
    int units = intValue(values, "units");
    OptionalInt features = explicit(mirror, "features") == null
        ? OptionalInt.empty()
        : OptionalInt.of(intValue(values, "features"));
    boolean useBias = booleanValue(values, "useBias");
    switch (type) {
      case SIMPLE_RNN:
        return LayerSpec.simpleRnn(units, features, useBias, booleanValue(values, "returnSequences"));
      case LSTM:
        return LayerSpec.lstm(units, features, useBias, booleanValue(values, "returnSequences"));
      case GRU:
        return LayerSpec.gru(
            units, features, useBias, booleanValue(values, "returnSequences"), booleanValue(values, "resetAfter"));
      default:
        return LayerSpec.dense(units, features, useBias);
    }
  }

  /** The value written for {@code name}, or null when the default applies. */
  static AnnotationValue explicit(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The mirror's values, defaults included, by name. */
  private Map<String, Object> values(AnnotationMirror mirror) {
    Map<String, Object> values = new HashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      values.put(e.getKey().getSimpleName().toString(), e.getValue().getValue());
    }
    return values;
  }

  private static Object value(Map<String, Object> values, String name) throws JavacReported {
    Object value = values.get(name);
    if (value == null) {
      throw new JavacReported(); // a required value is missing
    }
    return value;
  }

  private static int intValue(Map<String, Object> values, String name) throws JavacReported {
    if (value(values, name) instanceof Integer i) {
      return i;
    }
    throw new JavacReported();
  }

  private static long longValue(Map<String, Object> values, String name) throws JavacReported {
    Object v = value(values, name);
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Integer i) { // some compilers keep an int literal's type
      return i;
    }
    throw new JavacReported();
  }

  private static boolean booleanValue(Map<String, Object> values, String name) throws JavacReported {
    if (value(values, name) instanceof Boolean b) {
      return b;
    }
    throw new JavacReported();
  }

  private static String enumValue(Map<String, Object> values, String name) throws JavacReported {
    if (value(values, name) instanceof VariableElement constant) {
      String constantName = constant.getSimpleName().toString();
      for (Merge merge : Merge.values()) {
        if (merge.name().equals(constantName)) {
          return constantName;
        }
      }
    }
    throw new JavacReported();
  }
}
