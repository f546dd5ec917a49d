package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import java.util.OptionalInt;

/** Keras {@code LSTM(units)}: four gates (input, forget, cell, output) in one kernel, {@code LSTMCell.build()}. */
public record LstmLayer(
    int units, OptionalInt features, OptionalInt timesteps, boolean useBias, boolean returnSequences, boolean returnState,
    boolean trainable) implements Recurrent {
  static LstmLayer from(Attributes a) {
    return new LstmLayer(
        a.integer("units"), a.ifWritten("features"), a.ifWritten("timesteps"), a.flag("useBias"),
        a.flag("returnSequences"), a.flag("returnState"), a.flag("trainable"));
  }

  @Override
  public String kerasClass() {
    return "LSTM";
  }

  @Override
  public String defaultName() {
    return "lstm";
  }

  @Override
  public String annotation() {
    return "Lstm";
  }

  @Override
  public String torchModule() {
    return "LSTM";
  }

  @Override
  public int gates() {
    return 4;
  }
}
