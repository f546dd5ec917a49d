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
 * Checks the blocks a model uses ({@code @Block}) and gives each block field its inputs (its
 * {@code @Input} fields in declaration order), outputs (its model outputs, {@link
 * Functional#outputs}: the same as when the block is compiled as a model) and weights, with a way
 * to walk it again on tensors of other shapes. A block is checked as a model of its own (its errors
 * are reported when it is compiled itself); a block that leads back to the model is an error naming
 * the cycle, found by a walk over the blocks' {@code @Block} values before any block is checked, so
 * checking always ends.
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
      ModelChecker.Checked checked;
      CHECKING.get().push(block.className());
      try {
        checked = ModelChecker.checkLayers(inner, convention, blocks);
      } finally {
        CHECKING.get().pop();
      }
      Analysis analysis = checked.analysis();
      List<BlockLayer.BlockInput> inputs = inputs(inner);
      if (analysis.summary().isEmpty() || inputs.isEmpty() || analysis.summary().get().functional().isEmpty()) {
        problems.add(Problem.of(Message.BLOCK_INVALID, site, d.ref(), block.kerasClass(),
            convention == Framework.PYTORCH ? " under the PyTorch convention" : "", cause(analysis, inputs),
            block.className()));
        out.add(without(d));
        continue;
      }
      ModelSummary summary = analysis.summary().get();
      List<Weight> weights = new ArrayList<>();
      for (LayerSummary l : summary.layers()) {
        l.weights().forEach(w -> weights.add(w.renamed(l.constantPrefix() + "_" + w.key())));
      }
      // the block's outputs are its model's: the same fields as when it is compiled as a model
      List<Shape> outputs = summary.functional().get().outputs();
      out.add(new Declared(d.at(), d.written(), d.name(), d.ref(),
          Optional.of(block.resolve(inputs, outputs, weights, summary.macs(),
              actual -> called(inner, checked.layers(), actual), summary.layers()))));
    }
    return out;
  }

  /**
   * Why a block cannot be counted, for its field's error: the block's first error, which the block's
   * own compilation reports only under its own convention (a block that PyTorch cannot express is
   * fine under Keras's rules), or that it has no {@code @Input}.
   */
  private static String cause(Analysis analysis, List<BlockLayer.BlockInput> inputs) {
    for (Problem p : analysis.problems()) {
      if (p.message().kind() == Message.Kind.ERROR) {
        return "its own error is " + p.text();
      }
    }
    return inputs.isEmpty()
        ? "it declares no @Input (a block is called on one tensor per @Input)"
        : "its layers do not form a functional model";
  }

  private static Declared without(Declared d) {
    return new Declared(d.at(), d.written(), d.name(), d.ref(), Optional.empty());
  }

  /** The block's {@code @Input} fields in declaration order: the tensors it is called on. */
  private static List<BlockLayer.BlockInput> inputs(ModelDeclaration model) {
    Placement.Result placement = Placement.of(model);
    List<BlockLayer.BlockInput> inputs = new ArrayList<>(1);
    for (Declared d : Declared.read(model, placement.layers()).layers()) {
      Layer layer = d.layer().orElse(null);
      if (layer instanceof InputLayer in) {
        inputs.add(new BlockLayer.BlockInput(d.name(), in.declared()));
      }
    }
    return inputs;
  }

  /**
   * The block's graph walked again on tensors of other shapes than its {@code @Input} fields
   * declare, as Keras computes a nested model's outputs from the tensors it is called on: its
   * outputs, or the first problem of that walk.
   */
  private static BlockLayer.Called called(ModelDeclaration inner, List<Declared> layers, List<Shape> actual) {
    List<Declared> called = new ArrayList<>(layers.size());
    int k = 0;
    for (Declared d : layers) {
      if (d.layer().orElse(null) instanceof InputLayer in) {
        Shape shape = actual.get(k++);
        List<Integer> dims = new ArrayList<>(shape.rank());
        for (int i = 0; i < shape.rank(); i++) {
          if (shape.dim(i) > Integer.MAX_VALUE) {
            return new BlockLayer.Called.Refused("the size " + shape.dim(i) + " is larger than an @Input can declare");
          }
          dims.add((int) shape.dim(i));
        }
        d = new Declared(d.at(), d.written(), d.name(), d.ref(),
            Optional.of(new InputLayer(java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), dims, in.dtype())));
      }
      called.add(d);
    }
    Graph.Result walk = Graph.walk(inner, called);
    if (!walk.problems().isEmpty() || !walk.complete()) {
      return new BlockLayer.Called.Refused(walk.problems().isEmpty() ? "its graph cannot be walked"
          : walk.problems().get(0).text());
    }
    return new BlockLayer.Called.Outputs(Functional.outputs(walk.nodes().stream().map(Optional::orElseThrow).toList()));
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
