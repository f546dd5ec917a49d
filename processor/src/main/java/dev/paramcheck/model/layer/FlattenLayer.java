package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;

/** Keras {@code Flatten()} (keras/src/layers/reshaping/flatten.py): no weights; {@code (None, T, f)} becomes {@code (None, T * f)}, which needs a known {@code T}; a plain vector passes through, as Keras 3's {@code compute_output_shape} gives {@code (batch, prod(non-batch dims))}. */
public record FlattenLayer() implements Layer {
  static FlattenLayer from(Attributes a) {
    return new FlattenLayer();
  }

  @Override
  public String kerasClass() {
    return "Flatten";
  }

  @Override
  public String defaultName() {
    return "flatten";
  }

  @Override
  public Torch torch(dev.paramcheck.model.Shape input, Context context) {
    return Torch.module("Flatten");
  }

  @Override
  public String annotation() {
    return "Flatten";
  }

  @Override
  public Step output(Shape input, Context context) {
    if (input.vector()) {
      return Step.of(input);
    }
    try {
      if (input.elements().isEmpty()) {
        return Step.refuse(
            Message.UNKNOWN_LENGTH, null, context.ref(), input, context.previous(),
            "or use @GlobalAveragePooling1d or @GlobalMaxPooling1d, which need no length");
      }
      return Step.of(Shape.vector(input.elements().getAsLong()));
    } catch (ArithmeticException overflow) {
      return Step.refuse(Message.SHAPE_OVERFLOW, null, context.ref(), input);
    }
  }
}
