package dev.paramcheck.model.layer;

import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.List;

/**
 * Keras's {@code Attention} and {@code AdditiveAttention} (keras/src/layers/attention/): called on
 * {@code [query, value]} or {@code [query, value, key]}, a dropout rate from 0 to 1, and the output
 * {@code (*query_shape[:-1], value_shape[-1])}. They differ in their weights and in whether the
 * query and key widths must agree.
 */
public sealed interface ScoredAttention extends MultiInput permits AttentionLayer, AdditiveAttentionLayer {
  double dropout();

  /** Whether the scores combine query and key element-wise, so that their widths must agree. */
  boolean widthsMustMatch();

  @Override
  default OutputMask outputMask() {
    return OutputMask.CONVERTED_QUERY;
  }

  @Override
  default String arity() {
    return "two or three inputs ([query, value] or [query, value, key])";
  }

  @Override
  default boolean accepts(int count) {
    return count == 2 || count == 3;
  }

  @Override
  default List<Refusal> checkValues(Context context) {
    if (!(dropout() >= 0 && dropout() <= 1)) {
      return List.of(Refusal.of(Message.ATTENTION_DROPOUT, "dropout", dropout(), context.ref()));
    }
    return List.of();
  }

  @Override
  default Step output(List<Shape> inputs, Context context) {
    Step wrong = Attentions.widths(inputs, context, widthsMustMatch());
    return wrong != null ? wrong : Step.of(inputs.get(0).withFeatures(inputs.get(1).features()));
  }
}
