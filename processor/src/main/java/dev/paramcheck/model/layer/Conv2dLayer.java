package dev.paramcheck.model.layer;

import dev.paramcheck.Padding;
import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Keras {@code Conv2D(filters, kernel_size, strides, padding, use_bias)}
 * (keras/src/layers/convolutional/base_conv.py, {@code build}: {@code kernel_shape =
 * self.kernel_size + (input_channel // self.groups, self.filters)}, bias {@code (filters,)}) on
 * channels-last images.
 */
public record Conv2dLayer(
    int filters, List<Integer> kernelSize, List<Integer> strides, Padding padding, boolean useBias, boolean trainable)
    implements Layer {
  static Conv2dLayer from(Attributes a) {
    return new Conv2dLayer(a.integer("filters"), a.ints("kernelSize"), a.ints("strides"),
        a.constant("padding", Padding.class), a.flag("useBias"), a.flag("trainable"));
  }

  @Override
  public String kerasClass() {
    return "Conv2D";
  }

  @Override
  public String defaultName() {
    return "conv2d";
  }

  @Override
  public String annotation() {
    return "Conv2d";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    List<Refusal> refusals = new ArrayList<>(new Checks(context).positive("filters", filters).result());
    refusals.addAll(Shapes.checkPair(kernelSize, "kernelSize", 1, context));
    refusals.addAll(Shapes.checkPair(strides, "strides", 1, context));
    if (padding == Padding.CAUSAL) {
      refusals.add(Refusal.of(Message.BAD_VALUE, "padding", context.ref(),
          "padding = CAUSAL is for 1-D convolutions; use VALID or SAME"));
    }
    return refusals;
  }

  @Override
  public Step output(Shape input, Context context) {
    return Windows2d.output(input, context, padding, kernelSize, strides, "kernelSize", filters);
  }

  @Override
  public List<Weight> weights(Shape input) {
    return List.of(
        Weight.of("KERNEL", trainable, Shapes.first(kernelSize), Shapes.second(kernelSize), input.features(), filters),
        Weight.optional("BIAS", useBias, trainable, filters));
  }

  @Override
  public OptionalLong macPositions(Shape input, Shape output) {
    return output.positions();
  }

  /** {@code torch.nn.Conv2d}: {@code weight (filters, channels, kh, kw)}, {@code bias (filters)}. */
  @Override
  public Torch torch(Shape input, Context context) {
    return Torch.module(
        "Conv2d",
        Weight.of("WEIGHT", trainable, filters, input.features(), Shapes.first(kernelSize), Shapes.second(kernelSize)),
        Weight.optional("BIAS", useBias, trainable, filters));
  }

  @Override
  public String sizes(Shape input) {
    return "filters = " + filters + " and kernelSize = " + kernelSize + " on " + input.features() + " channels";
  }
}
