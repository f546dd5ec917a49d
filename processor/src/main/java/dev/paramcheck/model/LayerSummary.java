package dev.paramcheck.model;

import dev.paramcheck.model.layer.Layer;
import java.util.List;

/**
 * A counted layer.
 *
 * @param name the layer's name in the table: the field name, or Keras's default name for a
 *     one-layer model
 * @param constantPrefix the name in constants, such as {@code HIDDEN_LAYER}
 * @param layer the layer as declared
 * @param input the layer's input shape
 * @param output the output shape
 * @param weights its weights in Keras's order
 * @param params the layer's parameter count, the sum of {@code weights}
 * @param trainable the trainable part of {@code params}
 */
public record LayerSummary(
    String name, String constantPrefix, Layer layer, Shape input, Shape output, List<Weight> weights, long params,
    long trainable) {
  public LayerSummary {
    weights = List.copyOf(weights);
  }

  /** The type shown in the table, such as {@code LSTM} or {@code Bidirectional}. */
  public String kerasClass() {
    return layer.kerasClass();
  }

  public long nonTrainable() {
    return params - trainable;
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
