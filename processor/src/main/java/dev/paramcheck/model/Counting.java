package dev.paramcheck.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Counts each walked layer's weights and the model's totals exactly: never a wrapped-around long. */
final class Counting {
  /** The counted layers, the totals when they fit, and the overflow problems. */
  /** A counted layer with where it was declared. */
  record CountedLayer(Declared declared, LayerSummary summary) {}

  sealed interface Result {
    List<CountedLayer> layers();

    List<Problem> problems();

    record Counted(List<CountedLayer> layers, long total, long trainable, List<Problem> problems) implements Result {}

    record Overflowed(List<CountedLayer> layers, List<Problem> problems) implements Result {}
  }

  private Counting() {}

  static Result count(ModelDeclaration model, List<ShapeWalk.Walked> walked) {
    List<CountedLayer> layers = new ArrayList<>(walked.size());
    List<Problem> problems = new ArrayList<>();
    for (ShapeWalk.Walked w : walked) {
      try {
        List<Weight> weights = w.layer().weights(w.input());
        long params = 0;
        long trainable = 0;
        for (Weight weight : weights) {
          params = Math.addExact(params, weight.count());
          trainable = Math.addExact(trainable, weight.trainable() ? weight.count() : 0);
        }
        String name = w.declared().name();
        layers.add(new CountedLayer(w.declared(), new LayerSummary(
            name, Names.upperSnake(name), w.layer(), w.input(), w.output(), weights, params, trainable)));
      } catch (ArithmeticException overflow) {
        problems.add(Problem.of(
            Message.COUNT_OVERFLOW,
            Site.annotation(w.declared().at().member(), w.declared().at().annotation()),
            w.declared().ref(),
            w.layer().sizes(w.input())));
      }
    }
    if (!problems.isEmpty()) {
      return new Result.Overflowed(layers, problems);
    }
    long total = 0;
    long trainable = 0;
    try {
      for (CountedLayer layer : layers) {
        total = Math.addExact(total, layer.summary().params());
        trainable = Math.addExact(trainable, layer.summary().trainable());
      }
    } catch (ArithmeticException overflow) {
      Member type = model.members().get(0);
      int budget = Placement.indexOf(type, "ParamBudget");
      problems.add(Problem.of(
          Message.TOTAL_OVERFLOW,
          budget >= 0 ? Site.annotation(0, budget) : Site.element(0),
          model.name(),
          largest(layers.stream().map(CountedLayer::summary).collect(Collectors.toList()), -1)));
      return new Result.Overflowed(layers, problems);
    }
    return new Result.Counted(layers, total, trainable, problems);
  }

  /** The three largest layers, largest first (declaration order among equals), with shares. */
  static String largest(List<LayerSummary> layers, long total) {
    return layers.stream()
        .sorted(Comparator.comparingLong(LayerSummary::params).reversed())
        .limit(3)
        .map(l -> l.name() + " " + Numbers.grouped(l.params())
            + (total > 0 ? String.format(Locale.ROOT, " (%.1f%%)", 100.0 * l.params() / total) : ""))
        .collect(Collectors.joining(", "));
  }
}
