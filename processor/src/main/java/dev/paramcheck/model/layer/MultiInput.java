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

  /**
   * What Keras's {@code compute_mask} makes of the masks of the tensors it is called on, when
   * {@code Layer.__call__} sets its output's mask (layer.py 1031-1037, {@code _set_mask_metadata}
   * 1725-1741). Read from Keras 3.15.1's sources; docs/decisions.md lists them.
   */
  OutputMask outputMask();

  /** The masks Keras's multi-input layers put on their output. */
  enum OutputMask {
    /**
     * base_merge.py 255-277: none unless every input is masked, then {@code ops.logical_or} of them
     * in order (a {@code LogicalOr} row per further input).
     */
    LOGICAL_OR,
    /**
     * concatenate.py 122-158: none unless some input is masked; a {@code OnesLike} of each unmasked
     * input, an {@code ExpandDims}, {@code ZerosLike} and {@code LogicalOr} for each mask of lower
     * rank than its input, then {@code Concatenate} of them and {@code Any} over the last axis.
     */
    CONCATENATE,
    /** dot.py 348-349: no mask. */
    NONE,
    /**
     * MultiHeadAttention and keras_hub's TransformerDecoder: the default {@code compute_mask}
     * returns {@code previous_mask}, the first argument's (the query's, the decoder sequence's)
     * mask (layer.py 968-977; multi_head_attention.py 156 sets {@code supports_masking}); no row.
     */
    QUERY,
    /**
     * attention.py 244-248 (AdditiveAttention inherits it): {@code ops.convert_to_tensor(mask[0])},
     * a {@code ConvertToTensor} row on the query's mask; none when the query has none.
     */
    CONVERTED_QUERY
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
