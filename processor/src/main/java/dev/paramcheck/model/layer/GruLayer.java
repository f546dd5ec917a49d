package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import java.util.OptionalInt;

/** Keras {@code GRU(units)}: three gates; with {@code reset_after} ({@code GRUCell.build()}: {@code bias_shape = (2, 3 * self.units)}) two bias vectors. */
public record GruLayer(
    int units, OptionalInt features, OptionalInt timesteps, boolean useBias, boolean returnSequences,
    boolean trainable, boolean resetAfter) implements Recurrent {
  static GruLayer from(Attributes a) {
    return new GruLayer(
        a.integer("units"), a.ifWritten("features"), a.ifWritten("timesteps"), a.flag("useBias"),
        a.flag("returnSequences"), a.flag("trainable"), a.flag("resetAfter"));
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
  public int gates() {
    return 3;
  }

  @Override
  public int biasVectors() {
    return resetAfter ? 2 : 1;
  }
}
