package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import java.util.OptionalInt;

/** Keras {@code GRU(units)}: three gates; with {@code reset_after} ({@code GRUCell.build()}: {@code bias_shape = (2, 3 * self.units)}) two bias vectors. */
public record GruLayer(
    int units, OptionalInt features, OptionalInt timesteps, boolean useBias, boolean returnSequences, boolean returnState,
    boolean trainable, boolean resetAfter) implements Recurrent {
  static GruLayer from(Attributes a) {
    return new GruLayer(
        a.integer("units"), a.ifWritten("features"), a.ifWritten("timesteps"), a.flag("useBias"),
        a.flag("returnSequences"), a.flag("returnState"), a.flag("trainable"), a.flag("resetAfter"));
  }

  @Override
  public String kerasClass() {
    return "GRU";
  }

  @Override
  public String defaultName() {
    return "gru";
  }

  @Override
  public String annotation() {
    return "Gru";
  }

  @Override
  public String torchModule() {
    return "GRU";
  }

  @Override
  public int gates() {
    return 3;
  }

  /** {@code torch.nn.GRU} is the {@code reset_after = true} layout only. */
  @Override
  public Torch torch(dev.paramcheck.model.Shape input, Context context) {
    if (!resetAfter) {
      return new Torch.Inexpressible(Refusal.of(
          dev.paramcheck.model.Message.NOT_IN_PYTORCH,
          "resetAfter",
          context.ref(),
          "resetAfter = false",
          "torch.nn.GRU applies the reset gate after the recurrent matrix, as Keras's reset_after = true",
          "set resetAfter = true"));
    }
    return Recurrent.super.torch(input, context);
  }

  @Override
  public int biasVectors() {
    return resetAfter ? 2 : 1;
  }
}
