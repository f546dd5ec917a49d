package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.List;

/**
 * Keras {@code Activation(activation)} (keras/src/layers/activations/activation.py): no weights,
 * the input's shape. The name must be one {@code keras.activations.get} knows.
 */
public record ActivationLayer(String value) implements Layer {
  /**
   * The names {@code keras.activations.get} accepts: {@code ALL_OBJECTS} and the aliases {@code
   * swish} and {@code hard_swish} in keras/src/activations/__init__.py.
   */
  public static final List<String> KERAS_NAMES = List.of(
      "relu", "leaky_relu", "relu6", "softmax", "elu", "selu", "softplus", "softsign", "silu", "swish",
      "gelu", "tanh", "sigmoid", "exponential", "hard_sigmoid", "hard_silu", "hard_swish", "linear", "mish",
      "log_softmax", "crelu");

  static ActivationLayer from(Attributes a) {
    return new ActivationLayer(a.text("value"));
  }

  @Override
  public String kerasClass() {
    return "Activation";
  }

  @Override
  public String defaultName() {
    return "activation";
  }

  @Override
  public String annotation() {
    return "Activation";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    return KERAS_NAMES.contains(value)
        ? List.of()
        : List.of(Refusal.of(Message.UNKNOWN_ACTIVATION, "value", value, context.ref(), String.join(", ", KERAS_NAMES)));
  }

  @Override
  public Step output(Shape input, Context context) {
    return Step.of(input);
  }
}
