package dev.paramcheck.model.layer;

import dev.paramcheck.model.Shape;

/** Keras's normalization layers on the last axis: no change of shape, weights per feature. */
public sealed interface Normalization extends Layer permits BatchNormalizationLayer, LayerNormalizationLayer {
  boolean center();

  boolean scale();

  boolean trainable();

  @Override
  default Step output(Shape input, Context context) {
    return Step.of(input);
  }

  /** The {@code torch.nn} module: {@code BatchNorm1d} or {@code LayerNorm}. */
  String torchModule();

  /**
   * {@code affine=True} gives {@code weight} and {@code bias} of {@code features} each, {@code
   * affine=False} neither; PyTorch has no way to keep only one, and keeps BatchNorm's running
   * statistics as buffers, not parameters.
   */
  @Override
  default Torch torch(Shape input, Context context) {
    if (center() != scale()) {
      return new Torch.Inexpressible(Refusal.of(
          dev.paramcheck.model.Message.NOT_IN_PYTORCH,
          "center",
          context.ref(),
          "center = " + center() + " with scale = " + scale(),
          "torch.nn." + torchModule() + " has both weight and bias (affine) or neither",
          "set center and scale alike"));
    }
    return Torch.module(
        torchModule(),
        dev.paramcheck.model.Weight.optional("WEIGHT", scale(), trainable(), input.features()),
        dev.paramcheck.model.Weight.optional("BIAS", scale(), trainable(), input.features()));
  }
}
