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

  /** The {@code torch.nn} module of each Keras activation, for the torchinfo table. */
  private static final java.util.Map<String, String> TORCH = java.util.Map.ofEntries(
      java.util.Map.entry("relu", "ReLU"), java.util.Map.entry("leaky_relu", "LeakyReLU"),
      java.util.Map.entry("relu6", "ReLU6"), java.util.Map.entry("softmax", "Softmax"),
      java.util.Map.entry("elu", "ELU"), java.util.Map.entry("selu", "SELU"),
      java.util.Map.entry("softplus", "Softplus"), java.util.Map.entry("softsign", "Softsign"),
      java.util.Map.entry("silu", "SiLU"), java.util.Map.entry("swish", "SiLU"),
      java.util.Map.entry("gelu", "GELU"), java.util.Map.entry("tanh", "Tanh"),
      java.util.Map.entry("sigmoid", "Sigmoid"), java.util.Map.entry("hard_sigmoid", "Hardsigmoid"),
      java.util.Map.entry("hard_silu", "Hardswish"), java.util.Map.entry("hard_swish", "Hardswish"),
      java.util.Map.entry("linear", "Identity"), java.util.Map.entry("mish", "Mish"),
      java.util.Map.entry("log_softmax", "LogSoftmax"));

  @Override
  public Torch torch(Shape input, Context context) {
    return Torch.module(TORCH.getOrDefault(value, "Activation"));
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

  /** Keras's {@code supports_masking}: a mask passes through. */
  @Override
  public boolean keepsMask() {
    return true;
  }
}
