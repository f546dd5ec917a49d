package dev.paramcheck.model;

import dev.paramcheck.Dtype;
import dev.paramcheck.Framework;
import dev.paramcheck.model.layer.Torch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Counts each walked layer in the model's convention (its weights, their size at its precision,
 * its multiply-accumulates) and the model's totals, exactly: never a wrapped-around long.
 */
final class Counting {
  /** A counted layer with where it was declared. */
  record CountedLayer(Declared declared, LayerSummary summary) {}

  sealed interface Result {
    List<CountedLayer> layers();

    List<Problem> problems();

    record Counted(
        List<CountedLayer> layers, long total, long trainable, long bytes, long trainableBytes, OptionalLong macs,
        List<Problem> problems) implements Result {}

    record Uncounted(List<CountedLayer> layers, List<Problem> problems) implements Result {}
  }

  private Counting() {}

  static Result count(ModelDeclaration model, Settings settings, List<ShapeWalk.Walked> walked) {
    List<CountedLayer> layers = new ArrayList<>(walked.size());
    List<Problem> problems = new ArrayList<>();
    for (ShapeWalk.Walked w : walked) {
      Declared d = w.declared();
      Site site = Site.annotation(d.at().member(), d.at().annotation());
      String type = w.layer().kerasClass();
      List<Weight> weights;
      try {
        if (settings.convention() == Framework.PYTORCH) {
          Torch torch = w.layer().torch(w.inputs(), w.context());
          if (torch instanceof Torch.Inexpressible inexpressible) {
            problems.add(Declared.problem(d.at(), wrapperOf(d), inexpressible.refusal()));
            continue;
          }
          if (torch instanceof Torch.Module module) {
            type = module.module();
            weights = module.parameters();
          } else {
            type = ""; // no torch.nn module: no row in torchinfo's table
            weights = List.of();
          }
        } else {
          weights = w.layer().weights(w.inputs());
        }
        long params = 0;
        long trainable = 0;
        for (Weight weight : weights) {
          params = Math.addExact(params, weight.count());
          trainable = Math.addExact(trainable, weight.trainable() ? weight.count() : 0);
        }
        Dtype dtype = settings.precision(d.at().member());
        long bytes;
        OptionalLong macs;
        try {
          bytes = Math.multiplyExact(params, dtype.bits() / 8);
        } catch (ArithmeticException overflow) {
          problems.add(Problem.of(Message.METRIC_OVERFLOW, site, d.ref(), "bytes", "its " + Numbers.grouped(params)
              + " parameters at " + dtype.name().toLowerCase(Locale.ROOT), "make it smaller or lower its precision"));
          continue;
        }
        OptionalLong positions = w.layer().macPositions(w.input(), w.output());
        try {
          macs = w.layer().macs(w.inputs(), w.output(), params);
        } catch (ArithmeticException overflow) {
          problems.add(Problem.of(Message.METRIC_OVERFLOW, site, d.ref(), "multiply-accumulates", "its "
              + Numbers.grouped(params) + " parameters at " + (positions.isPresent()
                  ? Numbers.grouped(positions.getAsLong()) + " positions" : "its input's positions"),
              "make it smaller or shorten the input"));
          continue;
        }
        layers.add(new CountedLayer(d, new LayerSummary(
            d.name(), Names.upperSnake(d.name()), w.layer(), d.written(), w.input(), w.output(), type, weights, params, trainable,
            dtype, bytes, macs)));
      } catch (ArithmeticException overflow) {
        problems.add(Problem.of(Message.COUNT_OVERFLOW, site, d.ref(), w.layer().sizes(w.input())));
      }
    }
    if (!problems.isEmpty()) {
      return new Result.Uncounted(layers, problems);
    }
    List<LayerSummary> summaries = layers.stream().map(CountedLayer::summary).collect(Collectors.toList());
    Member type = model.members().get(0);
    int budget = Placement.indexOf(type, "ParamBudget");
    Site site = budget >= 0 ? Site.annotation(0, budget) : Site.element(0);
    long total;
    long trainable;
    long bytes;
    long trainableBytes;
    String metric = "parameters";
    ToLongFunction<LayerSummary> value = LayerSummary::params;
    try {
      total = sum(summaries, value);
      trainable = sum(summaries, LayerSummary::trainable);
      metric = "bytes";
      value = LayerSummary::bytes;
      bytes = sum(summaries, value);
      trainableBytes = sum(summaries, LayerSummary::trainableBytes);
      metric = "multiply-accumulates";
      value = l -> l.macs().orElse(0);
      if (!summaries.stream().allMatch(l -> l.macs().isPresent())) {
        // MACs are known for all layers or for none: the constants never depend on one layer
        layers.replaceAll(c -> new CountedLayer(c.declared(), c.summary().withoutMacs()));
        return new Result.Counted(layers, total, trainable, bytes, trainableBytes, OptionalLong.empty(), problems);
      }
      OptionalLong macs = OptionalLong.of(sum(summaries, value));
      return new Result.Counted(layers, total, trainable, bytes, trainableBytes, macs, problems);
    } catch (ArithmeticException overflow) {
      problems.add(Problem.of(Message.TOTAL_OVERFLOW, site, model.name(), metric, largest(summaries, value, -1)));
      return new Result.Uncounted(layers, problems);
    }
  }

  /** A refusal on a wrapper sits on the wrapper annotation (the first, as only one can refuse). */
  private static int wrapperOf(Declared d) {
    return d.at().wrappers().isEmpty() ? d.at().annotation() : d.at().wrappers().get(0);
  }

  private static long sum(List<LayerSummary> layers, ToLongFunction<LayerSummary> value) {
    long sum = 0;
    for (LayerSummary layer : layers) {
      sum = Math.addExact(sum, value.applyAsLong(layer));
    }
    return sum;
  }

  /** The three largest layers by {@code value}, largest first (declaration order among equals), with shares. */
  static String largest(List<LayerSummary> layers, ToLongFunction<LayerSummary> value, long total) {
    return layers.stream()
        .sorted(Comparator.comparingLong(value).reversed())
        .limit(3)
        .map(l -> l.name() + " " + Numbers.grouped(value.applyAsLong(l))
            + (total > 0 ? String.format(Locale.ROOT, " (%.1f%%)", 100.0 * value.applyAsLong(l) / total) : ""))
        .collect(Collectors.joining(", "));
  }
}
