package dev.paramcheck.model.layer;

import dev.paramcheck.Padding;
import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.List;
import java.util.OptionalInt;

/**
 * Keras {@code Conv1D(filters, kernel_size)}: a {@code kernel} of {@code kernel_size + (input_channel
 * // self.groups, self.filters)} and a {@code bias} of {@code (self.filters,)}
 * (keras/src/layers/convolutional/base_conv.py, {@code build()}); the values are checked as its
 * {@code __init__} checks them, and the output length as {@code compute_conv_output_shape}
 * (keras/src/ops/operation_utils.py) computes it.
 */
public record Conv1dLayer(
    int filters,
    int kernelSize,
    int strides,
    Padding padding,
    int dilationRate,
    int groups,
    boolean useBias,
    boolean trainable,
    OptionalInt features,
    OptionalInt timesteps)
    implements Layer, ModelInput {
  static Conv1dLayer from(Attributes a) {
    return new Conv1dLayer(
        a.integer("filters"),
        a.integer("kernelSize"),
        a.integer("strides"),
        a.constant("padding", Padding.class),
        a.integer("dilationRate"),
        a.integer("groups"),
        a.flag("useBias"),
        a.flag("trainable"),
        a.ifWritten("features"),
        a.ifWritten("timesteps"));
  }

  @Override
  public String kerasClass() {
    return "Conv1D";
  }

  @Override
  public String defaultName() {
    return "conv1d";
  }

  @Override
  public String annotation() {
    return "Conv1d";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    Checks checks = new Checks(context)
        .positive("filters", filters)
        .positive("kernelSize", kernelSize)
        .positive("strides", strides)
        .positive("dilationRate", dilationRate)
        .positive("groups", groups)
        .input(this);
    if (groups >= 1 && filters >= 1 && filters % groups != 0) {
      checks.add(Refusal.of(Message.FILTERS_NOT_DIVISIBLE, "groups", groups, context.ref(), filters, filters));
    }
    if (strides > 1 && dilationRate > 1) {
      checks.add(Refusal.of(Message.STRIDES_WITH_DILATION, "dilationRate", strides, dilationRate, context.ref()));
    }
    return checks.result();
  }

  @Override
  public boolean needsSequence() {
    return true;
  }

  @Override
  public Step output(Shape input, Context context) {
    if (input.features() % groups != 0) {
      return Step.refuse(
          Message.GROUPS_MISMATCH, "groups", groups, context.ref(), input.features(), context.previous(), input.features());
    }
    long span = (long) dilationRate * (kernelSize - 1) + 1;
    String window = dilationRate == 1
        ? "kernelSize " + kernelSize
        : "kernelSize " + kernelSize + " with dilationRate " + dilationRate;
    return Windows.output(
        input, context, padding, span, strides, window, "kernelSize", length -> Shape.sequence(length, filters));
  }

  @Override
  public List<Weight> weights(Shape input) {
    return List.of(
        Weight.of("KERNEL", trainable, kernelSize, input.features() / groups, filters),
        Weight.optional("BIAS", useBias, trainable, filters));
  }

  @Override
  public java.util.OptionalLong macPositions(Shape input, Shape output) {
    return output.timesteps();
  }

  /**
   * {@code torch.nn.Conv1d(features, filters, kernelSize, groups=groups)}: {@code weight (filters,
   * features / groups, kernelSize)}, {@code bias (filters)}. Padding changes no parameter.
   */
  @Override
  public Torch torch(Shape input, Context context) {
    return Torch.module(
        "Conv1d",
        Weight.of("WEIGHT", trainable, filters, input.features() / groups, kernelSize),
        Weight.optional("BIAS", useBias, trainable, filters));
  }

  @Override
  public String sizes(Shape input) {
    return "filters = " + filters + " and kernelSize = " + kernelSize + " on " + input.features() + " input features";
  }
}
