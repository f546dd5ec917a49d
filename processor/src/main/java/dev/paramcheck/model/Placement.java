package dev.paramcheck.model;

import dev.paramcheck.model.layer.LayerKinds;
import java.util.ArrayList;
import java.util.List;

/**
 * Which annotations form the model's layers: one layer annotation per field (or one on the class
 * for a one-layer model), each with the wrappers beside it. Reports annotations in the wrong place.
 */
final class Placement {
  /**
   * A layer's annotations.
   *
   * @param member the member it is declared on
   * @param annotation the layer annotation's index on the member
   * @param wrappers the wrapper annotations' indices, in {@link LayerKinds#WRAPPERS} order
   */
  record Placed(int member, int annotation, List<Integer> wrappers) {}

  /** The layers in model order, and the placement problems (none when the layers are clear). */
  record Result(List<Placed> layers, List<Problem> problems) {}

  private Placement() {}

  static Result of(ModelDeclaration model) {
    List<Problem> problems = new ArrayList<>();
    List<Placed> classLayer = new ArrayList<>(1);
    List<Placed> fieldLayers = new ArrayList<>();
    for (int i = 0; i < model.members().size(); i++) {
      Member m = model.members().get(i);
      int layer = -1;
      for (int a = 0; a < m.annotations().size(); a++) {
        String annotation = m.annotations().get(a).annotation();
        if (LayerKinds.kind(annotation).isEmpty()) {
          continue;
        }
        if (layer < 0) {
          layer = a;
        } else {
          String first = m.annotations().get(layer).annotation();
          Message message = m.isClass() ? Message.MULTIPLE_LAYERS_ON_CLASS : Message.MULTIPLE_LAYERS_ON_FIELD;
          problems.add(Problem.of(message, Site.annotation(i, a), m.name(), first, annotation, annotation));
        }
      }
      List<Integer> wrappers = new ArrayList<>(1);
      for (LayerKinds.Wrapper wrapper : LayerKinds.WRAPPERS) {
        int a = indexOf(m, wrapper.name());
        if (a < 0) {
          continue;
        }
        if (layer < 0) {
          problems.add(Problem.of(
              wrapper.withoutLayer(), Site.annotation(i, a), m.describe(), m.isClass() ? "class" : "field"));
        } else {
          wrappers.add(a);
        }
      }
      if (!m.isClass() && layer < 0) {
        for (String name : Budgets.ANNOTATIONS) {
          int budget = indexOf(m, name);
          if (budget >= 0) {
            problems.add(Problem.of(
                Message.BUDGET_WITHOUT_LAYER, Site.annotation(i, budget), name, m.name(),
                LayerKinds.layerAnnotations(), name));
          }
        }
        int from = indexOf(m, "From");
        if (from >= 0) {
          problems.add(Problem.of(
              Message.FROM_WITHOUT_LAYER, Site.annotation(i, from), m.name(), LayerKinds.layerAnnotations()));
        }
        int precision = indexOf(m, "Precision");
        if (precision >= 0) {
          problems.add(Problem.of(Message.PRECISION_WITHOUT_LAYER, Site.annotation(i, precision), m.name()));
        }
      }
      if (layer >= 0) {
        (m.isClass() ? classLayer : fieldLayers).add(new Placed(i, layer, wrappers));
      }
    }
    Member type = model.members().get(0);
    if (!classLayer.isEmpty() && !fieldLayers.isEmpty()) {
      String annotation = type.annotations().get(classLayer.get(0).annotation()).annotation();
      problems.add(Problem.of(
          Message.CLASS_AND_FIELD_LAYERS,
          Site.annotation(0, classLayer.get(0).annotation()),
          type.name(),
          annotation,
          fieldLayers.size(),
          annotation));
    }
    if (classLayer.isEmpty() && fieldLayers.isEmpty() && !type.annotations().isEmpty() && problems.isEmpty()) {
      // the class carries only model-wide annotations (budgets, precision, convention)
      Written first = type.annotations().get(0);
      problems.add(Problem.of(Message.NO_LAYERS, Site.annotation(0, 0), type.name(), first.annotation()));
    }
    return new Result(classLayer.isEmpty() ? fieldLayers : classLayer, problems);
  }

  /** The index of the annotation named {@code annotation} on {@code m}, or -1. */
  static int indexOf(Member m, String annotation) {
    for (int a = 0; a < m.annotations().size(); a++) {
      if (m.annotations().get(a).annotation().equals(annotation)) {
        return a;
      }
    }
    return -1;
  }
}
