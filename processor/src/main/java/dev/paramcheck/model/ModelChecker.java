package dev.paramcheck.model;

import dev.paramcheck.Framework;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a declared model and counts it, in steps that each do one thing and return what they
 * found: {@link Placement} (which annotations form the layers), {@link Declared} (each layer's
 * values), {@link Budgets#read} (the budgets' values), {@link ShapeWalk} (shapes between layers),
 * {@link Counting} (exact counts, sizes and costs in the model's convention), {@link
 * ConstantNames} and the budgets. Each problem is reported once, where it is. Runs in time linear
 * in the number of layers.
 */
public final class ModelChecker {
  private ModelChecker() {}

  /** Checks and counts {@code model} under Keras's convention unless it asks for another. */
  public static Analysis check(ModelDeclaration model) {
    return check(model, Framework.KERAS);
  }

  /** Checks and counts {@code model}; {@code convention} applies unless the model has its own. */
  public static Analysis check(ModelDeclaration model, Framework convention) {
    return check(model, convention, name -> Optional.empty());
  }

  /**
   * Checks and counts {@code model}, whose {@code @Block} fields name classes that {@code blocks}
   * reads (by qualified name; empty when the class cannot be read).
   */
  public static Analysis check(
      ModelDeclaration model, Framework convention, Function<String, Optional<ModelDeclaration>> blocks) {
    return checkLayers(model, convention, blocks).analysis();
  }

  /** What {@link #check} found, with the layers as read, their blocks checked: a block's graph, walked again. */
  record Checked(Analysis analysis, List<Declared> layers) {}

  static Checked checkLayers(
      ModelDeclaration model, Framework convention, Function<String, Optional<ModelDeclaration>> blocks) {
    Placement.Result placement = Placement.of(model);
    Declared.Result read = Declared.read(model, placement.layers());
    List<Problem> blockProblems = new ArrayList<>(0);
    Settings settings = Settings.of(model, convention);
    // a block counts in its model's convention: the model's @Convention, else the build's
    Declared.Result declared = new Declared.Result(
        Blocks.resolve(model, read.layers(), settings.convention(), blocks, blockProblems), read.values(),
        read.wrappers());
    Budgets.Read budgets = Budgets.read(model);
    List<Problem> problems = new ArrayList<>(placement.problems());
    problems.addAll(declared.values());
    problems.addAll(blockProblems);
    problems.addAll(budgets.problems());
    if (!placement.problems().isEmpty()) {
      return new Checked(new Analysis(problems, Optional.empty()), declared.layers()); // which layers: unclear
    }
    problems.addAll(declared.wrappers());
    boolean functional = Graph.isFunctional(declared.layers());
    List<ShapeWalk.Walked> walked;
    boolean complete;
    Graph.Result graph = null;
    if (functional) {
      graph = Graph.walk(model, declared.layers());
      problems.addAll(graph.problems());
      walked = graph.walked();
      complete = graph.complete();
    } else {
      problems.addAll(fromWithoutInput(model));
      ShapeWalk.Result walk = ShapeWalk.walk(declared.layers());
      problems.addAll(walk.problems());
      walked = walk.walked();
      complete = walk instanceof ShapeWalk.Result.Complete;
    }
    Counting.Result counting = Counting.count(model, settings, walked);
    problems.addAll(counting.problems());
    // The model's own budgets are checked whenever its layers could be counted: an invalid budget
    // value, a layer's budget or a name clash is independent of them and must not hide them.
    boolean counts = complete && problems.stream().allMatch(p -> independent(p, budgets));
    problems.addAll(ConstantNames.check(model, counting.layers()));
    problems.addAll(Budgets.checkLayers(model, budgets.budgets(), counting.layers()));
    problems.addAll(Budgets.alwaysMet(model, budgets.budgets(), counting.layers()));
    if (!counts || !(counting instanceof Counting.Result.Counted counted)) {
      return new Checked(new Analysis(problems, Optional.empty()), declared.layers());
    }
    boolean countable = problems.stream().allMatch(ModelChecker::harmless);
    Optional<Functional> rows = Optional.empty();
    if (graph != null) {
      java.util.Map<String, Long> params = new java.util.HashMap<>();
      counted.layers().forEach(c -> params.put(c.declared().name(), c.summary().params()));
      rows = Optional.of(Functional.of(graph.nodes(), params));
    }
    ModelSummary summary = new ModelSummary(
        model.name(),
        settings.convention(),
        counted.layers().stream().map(Counting.CountedLayer::summary).toList(),
        counted.total(),
        counted.trainable(),
        counted.bytes(),
        counted.trainableBytes(),
        counted.macs(),
        List.of(),
        rows);
    Budgets.Checked checked = Budgets.checkModel(model, budgets.budgets(), summary);
    problems.addAll(checked.problems());
    boolean stillCountable = countable && checked.problems().stream().allMatch(ModelChecker::harmless);
    return new Checked(
        new Analysis(problems, stillCountable ? Optional.of(summary.withBudgets(checked.uses())) : Optional.empty()),
        declared.layers());
  }

  /** A problem after which the summary is still written: an exceeded budget, a warning, a note. */
  private static boolean harmless(Problem p) {
    return p.message().kind() != Message.Kind.ERROR;
  }

  /** A problem that leaves the counts known: harmless, or a budget's own invalid value. */
  private static boolean independent(Problem p, Budgets.Read budgets) {
    return harmless(p) || budgets.problems().contains(p);
  }

  /** {@code @From} in a model without {@code @Input}: each one is an error, the layers are still walked. */
  private static List<Problem> fromWithoutInput(ModelDeclaration model) {
    List<Problem> problems = new ArrayList<>(0);
    for (int i = 0; i < model.members().size(); i++) {
      Member m = model.members().get(i);
      int from = Placement.indexOf(m, "From");
      if (from >= 0 && !m.isClass()) {
        problems.add(Problem.of(Message.FROM_WITHOUT_INPUT, Site.annotation(i, from), m.name()));
      }
    }
    return problems;
  }
}
