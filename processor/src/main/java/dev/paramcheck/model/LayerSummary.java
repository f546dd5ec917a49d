package dev.paramcheck.model;

import dev.paramcheck.Dtype;
import dev.paramcheck.model.layer.Layer;
import java.util.List;
import java.util.OptionalLong;

/**
 * A counted layer, in the model's convention.
 *
 * @param name the layer's name in the table: the field name, or Keras's default name for a
 *     one-layer model
 * @param constantPrefix the name in constants, such as {@code HIDDEN_LAYER}
 * @param layer the layer as declared
 * @param written its annotation as written, with every attribute's value
 * @param input the layer's input shape
 * @param output the output shape
 * @param type what the table calls it: the Keras class ({@code LSTM}, {@code Bidirectional}), or
 *     the {@code torch.nn} module under the PyTorch convention
 * @param weights its weights, in Keras's order and names (or PyTorch's {@code named_parameters()})
 * @param params the layer's parameter count, the sum of {@code weights}
 * @param trainable the trainable part of {@code params}
 * @param dtype the precision its weights are stored at
 * @param bytes the weights' size at {@code dtype}
 * @param macs multiply-accumulates per input sample, when the lengths are known
 */
public record LayerSummary(
    String name,
    String constantPrefix,
    Layer layer,
    Written written,
    Shape input,
    Shape output,
    String type,
    List<Weight> weights,
    long params,
    long trainable,
    Dtype dtype,
    long bytes,
    OptionalLong macs) {
  public LayerSummary {
    weights = List.copyOf(weights);
  }

  /** This layer with its MACs unknown: they are known for every layer of a model, or for none. */
  public LayerSummary withoutMacs() {
    return new LayerSummary(
        name, constantPrefix, layer, written, input, output, type, weights, params, trainable, dtype, bytes,
        OptionalLong.empty());
  }

  /** The Keras class, such as {@code LSTM} or {@code Bidirectional}. */
  public String kerasClass() {
    return layer.kerasClass();
  }

  public long nonTrainable() {
    return params - trainable;
  }

  /** The trainable weights' size: exact, as {@code bytes} is, since it is smaller. */
  public long trainableBytes() {
    return trainable * (dtype.bits() / 8);
  }

  /** The name of the constant holding this layer's count. */
  public String paramsConstant() {
    return constantPrefix + "_PARAMS";
  }

  /** The name of the constant holding one weight's count. */
  public String weightConstant(Weight weight) {
    return constantPrefix + "_" + weight.key() + "_PARAMS";
  }

  public String bytesConstant() {
    return constantPrefix + "_BYTES";
  }

  public String macsConstant() {
    return constantPrefix + "_MACS";
  }
}
