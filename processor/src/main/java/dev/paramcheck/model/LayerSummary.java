package dev.paramcheck.model;

import java.util.List;

/**
 * A counted layer.
 *
 * @param name the layer's name in the table: the field name, or Keras's default name for a
 *     one-layer model
 * @param constantPrefix the name in constants, such as {@code HIDDEN_LAYER}
 * @param kerasClass the type shown in the table, such as {@code LSTM} or {@code Bidirectional}
 * @param output the output shape
 * @param params the layer's parameter count
 * @param weights the breakdown of {@code params}, in Keras's weight order
 */
public record LayerSummary(
    String name, String constantPrefix, String kerasClass, Shape output, long params, List<Weight> weights) {
  public LayerSummary {
    weights = List.copyOf(weights);
  }

  /** The name of the constant holding this layer's count. */
  public String paramsConstant() {
    return constantPrefix + "_PARAMS";
  }

  /** The name of the constant holding one weight's count. */
  public String weightConstant(Weight weight) {
    return constantPrefix + "_" + weight.key() + "_PARAMS";
  }
}
