package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.LayerSummary;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.List;
import java.util.OptionalLong;

/**
 * A model class used as one layer ({@code @Block}): Keras prints a subclassed layer or a nested
 * model as one row, {@code field (ClassName)}, whose count is the sum of its weights. Read with its
 * class name only; {@code ModelChecker} checks the block and gives it its {@link Resolved} shapes and
 * weights before the walk.
 *
 * @param className the block's qualified class name
 * @param resolved the checked block, or null before it is checked
 */
public record BlockLayer(String className, boolean trainable, Resolved resolved) implements Layer {
  /**
   * A checked block.
   *
   * @param input its {@code @Input}'s shape
   * @param output its last field's output shape
   * @param weights every weight of its layers, keyed {@code <LAYER>_<WEIGHT>}
   * @param macs its multiply-accumulates per sample, when known
   * @param layers its counted layers, in order, as its own summary lists them (not frozen by the
   *     field's {@code trainable}): the rows torchinfo prints below the block
   */
  public record Resolved(Shape input, Shape output, List<Weight> weights, OptionalLong macs, List<LayerSummary> layers) {
    public Resolved {
      weights = List.copyOf(weights);
      layers = List.copyOf(layers);
    }

    public Resolved(Shape input, Shape output, List<Weight> weights, OptionalLong macs) {
      this(input, output, weights, macs, List.of());
    }
  }

  static BlockLayer from(Attributes a) {
    return new BlockLayer(a.text("value"), a.flag("trainable"), null);
  }

  /** This block, checked; {@code trainable = false} freezes every weight. */
  public BlockLayer resolve(Shape input, Shape output, List<Weight> weights, OptionalLong macs) {
    return resolve(input, output, weights, macs, List.of());
  }

  /** This block, checked, with its counted layers (for torchinfo's nested rows). */
  public BlockLayer resolve(
      Shape input, Shape output, List<Weight> weights, OptionalLong macs, List<LayerSummary> layers) {
    List<Weight> frozen = weights.stream()
        .map(w -> new Weight(w.key(), w.shape(), w.count(), trainable && w.trainable()))
        .toList();
    return new BlockLayer(className, trainable, new Resolved(input, output, frozen, macs, layers));
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

  @Override
  public Step output(Shape input, Context context) {
    if (resolved == null) {
      return Step.refuse(Message.BLOCK_INVALID, "value", context.ref(), className);
    }
    Shape expected = resolved.input();
    boolean fits = input.rank() == expected.rank();
    for (int i = 0; fits && i < input.rank(); i++) {
      fits = input.dim(i) == expected.dim(i) || expected.dim(i) == Shape.UNKNOWN;
    }
    if (!fits) {
      return Step.refuse(Message.BLOCK_INPUT, "from", context.ref(), input, kerasClass(), expected);
    }
    return Step.of(resolved.output());
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
