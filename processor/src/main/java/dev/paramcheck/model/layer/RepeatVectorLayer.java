package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.List;
import java.util.OptionalLong;

/**
 * Keras {@code RepeatVector(n)} (keras/src/layers/reshaping/repeat_vector.py: {@code
 * InputSpec(ndim=2)}, output {@code (batch, n, features)}): no weights.
 */
public record RepeatVectorLayer(int n) implements Layer {
  static RepeatVectorLayer from(Attributes a) {
    return new RepeatVectorLayer(a.integer("n"));
  }

  @Override
  public String kerasClass() {
    return "RepeatVector";
  }

  @Override
  public String defaultName() {
    return "repeat_vector";
  }

  @Override
  public Torch torch(dev.paramcheck.model.Shape input, Context context) {
    return Torch.module("RepeatVector");
  }

  @Override
  public String annotation() {
    return "RepeatVector";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    return new Checks(context).positive("n", n, " (the length of the sequence it makes)").result();
  }

  @Override
  public Step output(Shape input, Context context) {
    if (input.sequence()) {
      return Step.refuse(
          Message.NEEDS_VECTOR, null, context.ref(), context.previous(), input,
          "set returnSequences = false on the recurrent layer before it, or add @GlobalAveragePooling1d"
              + " or @Flatten before it");
    }
    return Step.of(Shape.sequence(OptionalLong.of(n), input.features()));
  }
}
