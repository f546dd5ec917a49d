package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.LayerSummary;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A model class used as one layer ({@code @Block}): Keras prints a subclassed layer or a nested
 * model as one row, {@code field (ClassName)}, whose count is the sum of its weights. Read with its
 * class name only; {@code ModelChecker} checks the block and gives it its {@link Resolved} shapes and
 * weights before the walk.
 *
 * <p>A block is called as Keras calls a nested model, {@code block([a, b])}: one tensor per
 * {@code @Input}, in declaration order; it returns its model's outputs, the tensors {@code
 * "field[0]"}, {@code "field[1]"}, ... as a recurrent layer's states are taken.
 *
 * @param className the block's qualified class name
 * @param resolved the checked block, or null before it is checked
 */
public record BlockLayer(String className, boolean trainable, Resolved resolved) implements Layer {
  /** One of the block's inputs: its {@code @Input} field's name and declared shape. */
  public record BlockInput(String name, Shape shape) {}

  /**
   * The block called on tensors more specific than its {@code @Input} fields declare (a known
   * length where it declares {@code -1}): its outputs, its graph walked again as Keras's nested
   * model computes them from what it is called on, or the first problem that walk found.
   */
  public sealed interface Called {
    /** The block's output tensors' shapes. */
    record Outputs(List<Shape> shapes) implements Called {
      public Outputs {
        shapes = List.copyOf(shapes);
      }
    }

    /** Why the block cannot be called so, for the {@code block-input} error. */
    record Refused(String problem) implements Called {}
  }

  /**
   * A checked block.
   *
   * @param inputs its {@code @Input} fields, in declaration order
   * @param outputs its output tensors' shapes, as the block compiled as a model has them
   * @param weights every weight of its layers, keyed {@code <LAYER>_<WEIGHT>}
   * @param macs its multiply-accumulates per sample, when known
   * @param call walks the block again for inputs of other shapes than {@code inputs} declare
   * @param layers its counted layers, in order, as its own summary lists them (not frozen by the
   *     field's {@code trainable}): the rows torchinfo prints below the block
   */
  public record Resolved(List<BlockInput> inputs, List<Shape> outputs, List<Weight> weights, OptionalLong macs,
      Function<List<Shape>, Called> call, List<LayerSummary> layers) {
    public Resolved {
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
      layers = List.copyOf(layers);
      weights = List.copyOf(weights);
    }
  }

  static BlockLayer from(Attributes a) {
    return new BlockLayer(a.text("value"), a.flag("trainable"), null);
  }

  /** This block, checked; {@code trainable = false} freezes every weight. */
  public BlockLayer resolve(List<BlockInput> inputs, List<Shape> outputs, List<Weight> weights, OptionalLong macs,
      Function<List<Shape>, Called> call, List<LayerSummary> layers) {
    List<Weight> frozen = weights.stream()
        .map(w -> new Weight(w.key(), w.shape(), w.count(), trainable && w.trainable()))
        .toList();
    return new BlockLayer(className, trainable, new Resolved(inputs, outputs, frozen, macs, call, layers));
  }

  @Override
  public String kerasClass() {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  @Override
  public String defaultName() {
    return dev.paramcheck.model.Names.snake(kerasClass());
  }

  @Override
  public String annotation() {
    return "Block";
  }

  @Override
  public boolean needsFeatures() {
    return false;
  }

  /** Called on one tensor, as a layer of a sequential model or a field without {@code @From}. */
  @Override
  public Step output(Shape input, Context context) {
    return output(List.of(input), context);
  }

  /**
   * Called on {@code inputs}, one per {@code @Input} in order: its first output, or why it cannot
   * take them. A refusal of one tensor names the attribute {@code value[k]}, the {@code @From}
   * value at fault; a wrong count names {@code from}.
   */
  public Step output(List<Shape> inputs, Context context) {
    if (resolved == null) {
      // never reached: Blocks gives an unresolved block's field no layer (defensive only)
      return Step.refuse(Message.BLOCK_INVALID, "value", context.ref(), kerasClass(), "", "it was not checked",
          className);
    }
    List<BlockInput> expected = resolved.inputs();
    if (inputs.size() != expected.size()) {
      return Step.refuse(Message.BLOCK_INPUT_COUNT, "from", context.ref(), expected.size(),
          expected.size() == 1 ? "" : "s", kerasClass(), names(), inputs.size(),
          inputs.stream().map(Shape::toString).collect(Collectors.joining(", ")));
    }
    for (int k = 0; k < inputs.size(); k++) {
      Shape input = inputs.get(k);
      Shape shape = expected.get(k).shape();
      boolean fits = input.rank() == shape.rank();
      for (int i = 0; fits && i < input.rank(); i++) {
        fits = input.dim(i) == shape.dim(i) || shape.dim(i) == Shape.UNKNOWN;
      }
      if (!fits && expected.size() == 1) {
        return Step.refuse(Message.BLOCK_INPUT, "from", context.ref(), input, kerasClass(), shape);
      }
      if (!fits) {
        return Step.refuse(Message.BLOCK_INPUT_SHAPE, "value[" + k + "]", context.ref(), input,
            expected.get(k).name(), k, kerasClass(), expected.get(k).name(), shape);
      }
    }
    Called called = outputs(inputs);
    if (called instanceof Called.Outputs outputs) {
      return Step.of(outputs.shapes().get(0));
    }
    return Step.refuse(Message.BLOCK_CALL, "from", context.ref(), kerasClass(),
        inputs.stream().map(Shape::toString).collect(Collectors.joining(", ")), ((Called.Refused) called).problem());
  }

  /**
   * Its outputs when called on {@code inputs}, which fit its inputs ({@link #output(List, Context)}
   * said so): the declared ones for tensors of the declared shapes, else its graph walked again.
   */
  public Called outputs(List<Shape> inputs) {
    List<Shape> declared = resolved.inputs().stream().map(BlockInput::shape).toList();
    return inputs.equals(declared) ? new Called.Outputs(resolved.outputs()) : resolved.call().apply(inputs);
  }

  /** The block's inputs' names, for messages: {@code 'tokens', 'context'}. */
  private String names() {
    return resolved.inputs().stream().map(i -> "'" + i.name() + "'").collect(Collectors.joining(", "));
  }

  @Override
  public List<Weight> weights(Shape input) {
    return resolved == null ? List.of() : resolved.weights();
  }

  @Override
  public OptionalLong macs(List<Shape> inputs, Shape output, long params) {
    return resolved == null ? OptionalLong.empty() : resolved.macs();
  }

  /** Under the PyTorch convention: an {@code nn.Module} of its own, with its layers' parameters. */
  @Override
  public Torch torch(Shape input, Context context) {
    return new Torch.Module(kerasClass(), weights(input));
  }

  @Override
  public String sizes(Shape input) {
    return "the layers of " + kerasClass();
  }
}
