package dev.paramcheck.model.layer;

import dev.paramcheck.model.Shape;
import java.util.List;

/**
 * A layer called on a list of tensors, such as a merge: {@code Concatenate()([a, b])}. Its inputs
 * are the fields {@code @From} names, in order.
 */
public sealed interface MultiInput extends Layer permits Merge, ConcatenateLayer, DotLayer, MultiHeadAttentionLayer, ScoredAttention,
        TransformerDecoderLayer {
  /** The output for these inputs, in call order, or why this layer cannot take them. */
  Step output(List<Shape> inputs, Context context);

  /** One input: Keras 3 accepts a merge of one tensor ({@code x + constant} prints as {@code Add}). */
  @Override
  default Step output(Shape input, Context context) {
    return output(List.of(input), context);
  }

  @Override
  default Torch torch(Shape input, Context context) {
    return new Torch.NoModule();
  }

  /** How many inputs it takes, for messages: {@code one or more inputs}. */
  default String arity() {
    return "one or more inputs";
  }

  /** Whether {@code count} inputs are accepted. */
  default boolean accepts(int count) {
    return count >= 1;
  }
}
