package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.List;
import java.util.OptionalInt;

/**
 * Keras {@code keras.Input(shape, dtype)}: an {@code InputLayer} row with no weights, where data
 * enters a functional model. {@code shape} is written, or {@code features} (with {@code timesteps})
 * is the shorthand for a sequence.
 */
public record InputLayer(OptionalInt features, OptionalInt timesteps, List<Integer> shape, String dtype)
    implements Layer {
  static InputLayer from(Attributes a) {
    return new InputLayer(a.ifWritten("features"), a.ifWritten("timesteps"), a.ints("shape"), a.text("dtype"));
  }

  @Override
  public String kerasClass() {
    return "InputLayer";
  }

  @Override
  public String defaultName() {
    return "input_layer";
  }

  @Override
  public String annotation() {
    return "Input";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    boolean shorthand = features.isPresent() || timesteps.isPresent();
    if (shorthand && !shape.isEmpty()) {
      return List.of(Refusal.of(Message.INPUT_SHAPE, "shape", name(context),
          "write shape, or features with timesteps, not both: shape = " + shape + " already says the features"));
    }
    if (!shorthand && shape.isEmpty()) {
      return List.of(Refusal.of(Message.INPUT_SHAPE, null, name(context),
          "it declares no shape: write shape = {...} (without the batch axis, -1 for an unknown size),"
              + " or features = N for a sequence of N features"));
    }
    if (timesteps.isPresent() && features.isEmpty()) {
      return List.of(Refusal.of(Message.INPUT_SHAPE, "timesteps", name(context),
          "timesteps needs features too: add features = <size of the last axis>"));
    }
    Checks checks = new Checks(context);
    features.ifPresent(f -> checks.positive("features", f, " (the size of the input's last axis)"));
    timesteps.ifPresent(t -> checks.positive("timesteps", t, " (the length of the time axis; leave it out if unknown)"));
    for (int d : shape) {
      if (d == 0 || d < -1) {
        checks.add(Refusal.of(Message.INPUT_SHAPE, "shape", name(context),
            "shape = " + shape + " has the size " + d + ": every size is at least 1, or -1 for unknown"));
        break;
      }
    }
    return checks.result();
  }

  private static String name(Context context) {
    String ref = context.ref();
    int start = ref.indexOf('\'');
    return start < 0 ? ref : ref.substring(start + 1, ref.indexOf('\'', start + 1));
  }

  /** The input's shape without the batch axis. */
  public Shape declared() {
    if (!shape.isEmpty()) {
      return Shape.ofDeclared(shape);
    }
    return Shape.of(timesteps.isPresent() ? timesteps.getAsInt() : Shape.UNKNOWN, features.getAsInt());
  }

  @Override
  public Step output(Shape input, Context context) {
    return Step.of(declared());
  }

  @Override
  public Torch torch(Shape input, Context context) {
    return new Torch.NoModule();
  }
}
