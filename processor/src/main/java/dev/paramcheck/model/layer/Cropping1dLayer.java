package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.List;

/**
 * Keras {@code Cropping1D(cropping)} (keras/src/layers/reshaping/cropping1d.py): no weights; {@code
 * (None, T, f)} gives {@code (None, T - left - right, f)}, and the crop must be smaller than the
 * input's length.
 */
public record Cropping1dLayer(List<Integer> cropping) implements Layer {
  static Cropping1dLayer from(Attributes a) {
    return new Cropping1dLayer(a.ints("cropping"));
  }

  @Override
  public String kerasClass() {
    return "Cropping1D";
  }

  @Override
  public String defaultName() {
    return "cropping1d";
  }

  @Override
  public String annotation() {
    return "Cropping1d";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    return Shapes.checkPair(cropping, "cropping", 0, context);
  }

  @Override
  public boolean needsSequence() {
    return true;
  }

  @Override
  public Step output(Shape input, Context context) {
    long t = input.dim(0);
    long crop = (long) Shapes.first(cropping) + Shapes.second(cropping);
    if (t != Shape.UNKNOWN && t <= crop) {
      return Step.refuse(Message.BAD_VALUE, "cropping", context.ref(), "cropping = " + cropping + " removes "
          + crop + " steps from " + t + " (Keras: \"cropping parameter of Cropping1D layer must be smaller"
          + " than the input length\"); crop fewer steps");
    }
    return Step.of(Shape.of(t == Shape.UNKNOWN ? t : t - crop, input.features()));
  }

  @Override
  public Torch torch(Shape input, Context context) {
    return new Torch.NoModule();
  }
}
