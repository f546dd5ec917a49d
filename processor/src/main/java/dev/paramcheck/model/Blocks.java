package dev.paramcheck.model;

import dev.paramcheck.Framework;
import dev.paramcheck.model.layer.BlockLayer;
import dev.paramcheck.model.layer.InputLayer;
import dev.paramcheck.model.layer.Layer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the blocks a model uses ({@code @Block}) and gives each block field its shapes and
 * weights. A block is checked as a model of its own (its errors are reported when it is compiled
 * itself); a block that leads back to the model is an error naming the cycle, found by a walk over
 * the blocks' {@code @Block} values before any block is checked, so checking always ends.
 */
final class Blocks {
  private Blocks() {}

  /** The blocks being checked on this thread, outermost first: a guard that always ends the recursion. */
  private static final ThreadLocal<Deque<String>> CHECKING = ThreadLocal.withInitial(ArrayDeque::new);

  static String qualified(ModelDeclaration model) {
    return model.packageName().isEmpty() ? model.name() : model.packageName() + "." + model.name();
  }

  static List<Declared> resolve(ModelDeclaration model, List<Declared> layers, Framework convention,
      Function<String, Optional<ModelDeclaration>> blocks, List<Problem> problems) {
    List<Declared> out = new ArrayList<>(layers.size());
    String self = qualified(model);
    for (Declared d : layers) {
      if (!(d.layer().orElse(null) instanceof BlockLayer block)) {
        out.add(d);
        continue;
      }
      Site site = Site.annotation(d.at().member(), d.at().annotation()).at("value");
      String field = model.members().get(d.at().member()).name();
      Optional<ModelDeclaration> declaration = blocks.apply(block.className());
      if (declaration.isEmpty() || declaration.get().members().size() < 2) {
        problems.add(Problem.of(Message.BLOCK_NOT_A_MODEL, site, field, block.className()));
        out.add(without(d));
        continue;
      }
      List<String> cycle = path(block.className(), self, blocks);
      if (cycle.isEmpty() && CHECKING.get().contains(block.className())) {
        cycle = List.of(block.className(), "...", block.className());
      }
      if (!cycle.isEmpty()) {
        List<String> names = new ArrayList<>();
        names.add(model.name());
        cycle.forEach(c -> names.add(c.substring(c.lastIndexOf('.') + 1)));
        problems.add(Problem.of(Message.BLOCK_CYCLE, site, block.kerasClass(), field, String.join(" -> ", names)));
        out.add(without(d));
        continue;
      }
      ModelDeclaration inner = declaration.get();
      Analysis analysis;
      CHECKING.get().push(block.className());
      try {
        analysis = ModelChecker.check(inner, convention, blocks);
      } finally {
        CHECKING.get().pop();
      }
      Optional<Shape> input = input(inner);
      if (analysis.summary().isEmpty() || input.isEmpty()) {
        problems.add(Problem.of(Message.BLOCK_INVALID, site, d.ref(), block.kerasClass(), block.className()));
        out.add(without(d));
        continue;
      }
      ModelSummary summary = analysis.summary().get();
      List<Weight> weights = new ArrayList<>();
      for (LayerSummary l : summary.layers()) {
        l.weights().forEach(w -> weights.add(w.renamed(l.constantPrefix() + "_" + w.key())));
      }
      Shape output = summary.layers().get(summary.layers().size() - 1).output();
      out.add(new Declared(d.at(), d.written(), d.name(), d.ref(),
          Optional.of(block.resolve(input.get(), output, weights, summary.macs(), summary.layers()))));
    }
    return out;
  }

  private static Declared without(Declared d) {
    return new Declared(d.at(), d.written(), d.name(), d.ref(), Optional.empty());
  }

  /** The block's one {@code @Input} shape, or empty. */
  private static Optional<Shape> input(ModelDeclaration model) {
    Placement.Result placement = Placement.of(model);
    List<Shape> inputs = new ArrayList<>(1);
    for (Declared d : Declared.read(model, placement.layers()).layers()) {
      Layer layer = d.layer().orElse(null);
      if (layer instanceof InputLayer in) {
        inputs.add(in.declared());
      }
    }
    return inputs.size() == 1 ? Optional.of(inputs.get(0)) : Optional.empty();
  }

  /** The classes from {@code start} to {@code target} through {@code @Block} values, or empty: breadth first. */
  private static List<String> path(String start, String target, Function<String, Optional<ModelDeclaration>> blocks) {
    Deque<List<String>> queue = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    queue.add(List.of(start));
    seen.add(start);
    while (!queue.isEmpty()) {
      List<String> path = queue.poll();
      String last = path.get(path.size() - 1);
      if (last.equals(target)) {
        return path;
      }
      Optional<ModelDeclaration> model = blocks.apply(last);
      if (model.isEmpty()) {
        continue;
      }
      for (Member m : model.get().members()) {
        for (Written w : m.annotations()) {
          if (w.annotation().equals("Block")) {
            String next = w.attributes().text("value");
            if (seen.add(next) || next.equals(target)) {
              List<String> longer = new ArrayList<>(path);
              longer.add(next);
              queue.add(longer);
            }
          }
        }
      }
    }
    return List.of();
  }
}
