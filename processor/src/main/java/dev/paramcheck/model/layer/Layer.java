package dev.paramcheck.model.layer;

import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.List;

/**
 * One kind of Keras layer: its attributes and their checks, the input it accepts, its output
 * shape and its weights. Each kind is one record, registered in {@link LayerKinds#ALL}. The
 * interface is sealed so that a {@code switch} over kinds that forgets one does not compile.
 */
public sealed interface Layer
    permits Recurrent,
        DenseLayer,
        EmbeddingLayer,
        Conv1dLayer,
        Pooling1d,
        GlobalPooling1d,
        FlattenLayer,
        DropoutLayer,
        SpatialDropout1dLayer,
        Normalization,
        RepeatVectorLayer,
        MaskingLayer,
        ActivationLayer,
        GaussianNoiseLayer,
        Wrapper,
        InputLayer,
        MultiInput,
        OpLayer,
        ReshapeLayer,
        PermuteLayer,
        LambdaLayer,
        TextVectorizationLayer,
        Conv2dLayer,
        Pooling2d,
        GlobalPooling2d,
        ZeroPadding1dLayer,
        Cropping1dLayer,
        UpSampling1dLayer,
        TransformerEncoderLayer,
        PositionEmbeddingLayer,
        TokenAndPositionEmbeddingLayer,
        BlockLayer {

  /** The Keras class shown in the table, such as {@code LSTM}. */
  String kerasClass();

  /** The name Keras gives the first layer of this kind, such as {@code lstm}. */
  String defaultName();

  /** The annotation that declares it, such as {@code Lstm} ({@code Lstm} too when wrapped). */
  String annotation();

  /** The layer itself, or the layer a wrapper wraps: what messages name. */
  default Layer core() {
    return this;
  }

  /** The values that are wrong whatever the input (a non-positive size, a rate over 1). */
  default List<Refusal> checkValues(Context context) {
    return List.of();
  }

  /** Whether the input needs a time axis. The walk reports a plain vector before checking the rest. */
  default boolean needsSequence() {
    return false;
  }

  /** The output for {@code input}, or why this layer cannot take it. */
  Step output(Shape input, Context context);

  /**
   * The initial states it takes in a functional model ({@code initial_state=[...]}), in order, for
   * {@code input}; empty for a layer that takes none.
   */
  default List<Shape> states(Shape input) {
    return List.of();
  }

  /** The tensors it returns after its output, such as the final states with {@code returnState}. */
  default List<Shape> extraOutputs(Shape input) {
    return List.of();
  }

  /** Whether Keras hands it its input's mask: its {@code call} has a {@code mask} argument. */
  default boolean takesMask() {
    return false;
  }

  /**
   * Whether its output carries its input's mask on: Keras's {@code supports_masking} with a {@code
   * compute_mask} that returns the mask it was given.
   */
  default boolean keepsMask() {
    return false;
  }

  /**
   * Whether it needs the size of its input's last axis: a layer whose weights depend on it. A
   * functional model's input may leave it unknown ({@code -1}).
   */
  default boolean needsFeatures() {
    return !weights(Shape.of(1)).equals(weights(Shape.of(2)));
  }

  /**
   * The weights in Keras's order for {@code input}, each with its size; empty for a layer without
   * weights. Exact: a size that does not fit in a {@code long} throws {@link ArithmeticException}.
   */
  default List<Weight> weights(Shape input) {
    return List.of();
  }

  /**
   * The weights for the tensors it is called on, in call order: a layer on one tensor has {@link
   * #weights(Shape)} of it; an attention layer sizes its projections from query, value and key.
   */
  default List<Weight> weights(List<Shape> inputs) {
    return weights(inputs.get(0));
  }

  /**
   * Multiply-accumulates per input sample for the tensors it is called on, with {@code params} its
   * count in the model's convention: {@code params} times {@link #macPositions}, or what an
   * attention layer computes itself (projections and the two attention products). Exact: throws
   * {@link ArithmeticException} on overflow.
   */
  default java.util.OptionalLong macs(List<Shape> inputs, Shape output, long params) {
    java.util.OptionalLong positions = macPositions(inputs.get(0), output);
    return positions.isPresent()
        ? java.util.OptionalLong.of(Math.multiplyExact(params, positions.getAsLong()))
        : java.util.OptionalLong.empty();
  }

  /**
   * How many positions of one input sample the layer's weight matrices are applied at, for its
   * multiply-accumulates (its parameter count times this): the time steps for a recurrent layer or
   * a Dense on a sequence, the output positions for a Conv1D, 1 for a vector; 0 for a layer that
   * costs none by paramcheck's convention (lookups, normalization, pooling, dropout). Empty when a
   * length it needs is unknown.
   */
  default java.util.OptionalLong macPositions(Shape input, Shape output) {
    return java.util.OptionalLong.of(0);
  }

  /** The layer under the PyTorch convention; a layer without weights is a module without parameters. */
  default Torch torch(Shape input, Context context) {
    return new Torch.Module(kerasClass(), List.of());
  }

  /** The layer under the PyTorch convention for the tensors it is called on, in call order. */
  default Torch torch(List<Shape> inputs, Context context) {
    return torch(inputs.get(0), context);
  }

  /** The sizes that make up the count, for the overflow message: {@code units = 8 on 4 input features}. */
  default String sizes(Shape input) {
    return input.features() + " input features";
  }
}
