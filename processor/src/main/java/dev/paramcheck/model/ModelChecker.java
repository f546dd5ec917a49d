package dev.paramcheck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a declared model and counts its parameters as Keras does, in steps that each do one
 * thing and return what they found: {@link Placement} (which annotations form the layers), {@link
 * Declared} (each layer's values), {@link ShapeWalk} (shapes between layers), {@link Counting}
 * (exact counts), {@link ConstantNames} and {@link Budgets}. Each problem is reported once, where
 * it is. Runs in time linear in the number of layers.
 */
public final class ModelChecker {
  private ModelChecker() {}

  /** Checks and counts {@code model}. */
  public static Analysis check(ModelDeclaration model) {
    Placement.Result placement = Placement.of(model);
    Declared.Result declared = Declared.read(model, placement.layers());
    List<Problem> problems = new ArrayList<>(placement.problems());
    problems.addAll(declared.problems());
    problems.addAll(Budgets.checkValues(model));
    if (!placement.problems().isEmpty()) {
      return new Analysis(problems, Optional.empty()); // which layers the model has is unclear
    }
    ShapeWalk.Result walk = ShapeWalk.walk(declared.layers());
    problems.addAll(walk.problems());
    Counting.Result counting = Counting.count(model, walk.walked());
    problems.addAll(counting.problems());
    problems.addAll(ConstantNames.check(model, counting.layers()));
    problems.addAll(Budgets.checkLayers(model, counting.layers()));
    boolean countable = walk instanceof ShapeWalk.Result.Complete
        && problems.stream().allMatch(p -> p.message().kind() == Message.Kind.BUDGET);
    if (!countable || !(counting instanceof Counting.Result.Counted counted)) {
      return new Analysis(problems, Optional.empty());
    }
    ModelSummary summary = new ModelSummary(
        model.name(),
        counted.layers().stream().map(Counting.CountedLayer::summary).toList(),
        counted.total(),
        counted.trainable());
    problems.addAll(Budgets.checkModel(model, summary));
    return new Analysis(problems, Optional.of(summary));
  }
}
