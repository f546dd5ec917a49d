package dev.paramcheck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Checks {@code @ParamBudget}: its value, and the counts against it. */
final class Budgets {
  private static final String PARAM_BUDGET = "ParamBudget";

  private Budgets() {}

  /** Every budget's {@code max} must be at least 1. */
  static List<Problem> checkValues(ModelDeclaration model) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < model.members().size(); i++) {
      Member m = model.members().get(i);
      int a = Placement.indexOf(m, PARAM_BUDGET);
      if (a < 0) {
        continue;
      }
      long max = m.annotations().get(a).attributes().longValue("max");
      if (max < 1) {
        String where = "@ParamBudget of " + (m.isClass() ? "model " + m.name() : "field '" + m.name() + "'");
        problems.add(Problem.of(
            Message.INVALID_VALUE,
            new Site(i, a, "max"),
            "max",
            max,
            where,
            "max",
            " (it is the largest parameter count allowed)"));
      }
    }
    return problems;
  }

  /** Each counted layer against the budget on its field. */
  static List<Problem> checkLayers(ModelDeclaration model, List<Counting.CountedLayer> layers) {
    List<Problem> problems = new ArrayList<>();
    for (Counting.CountedLayer counted : layers) {
      LayerSummary layer = counted.summary();
      Declared d = counted.declared();
      Member m = model.members().get(d.at().member());
      int a = Placement.indexOf(m, PARAM_BUDGET);
      if (m.isClass() || a < 0) {
        continue; // a class budget bounds the model
      }
      long max = m.annotations().get(a).attributes().longValue("max");
      if (max >= 1 && layer.params() > max) {
        String breakdown = layer.weights().stream()
            .filter(w -> w.count() > 0)
            .map(w -> w.key().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + Numbers.grouped(w.count()))
            .collect(Collectors.joining(" + "));
        problems.add(Problem.of(
            Message.LAYER_OVER_BUDGET,
            new Site(d.at().member(), a, "max"),
            d.ref(),
            Numbers.grouped(layer.params()),
            breakdown,
            Numbers.grouped(layer.params() - max),
            Numbers.grouped(max)));
      }
    }
    return problems;
  }

  /** The model's total against the budget on its class. */
  static List<Problem> checkModel(ModelDeclaration model, ModelSummary summary) {
    Member type = model.members().get(0);
    int a = Placement.indexOf(type, PARAM_BUDGET);
    if (a < 0) {
      return List.of();
    }
    long max = type.annotations().get(a).attributes().longValue("max");
    if (max < 1 || summary.totalParams() <= max) {
      return List.of();
    }
    return List.of(Problem.of(
        Message.MODEL_OVER_BUDGET,
        new Site(0, a, "max"),
        model.name(),
        Numbers.grouped(summary.totalParams()),
        Numbers.grouped(summary.totalParams() - max),
        Numbers.grouped(max),
        Counting.largest(summary.layers(), summary.totalParams())));
  }
}
