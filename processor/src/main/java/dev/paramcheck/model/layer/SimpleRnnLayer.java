package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import java.util.OptionalInt;

/** Keras {@code SimpleRNN(units)}: one gate, {@code SimpleRNNCell.build()}. */
public record SimpleRnnLayer(
    int units, OptionalInt features, OptionalInt timesteps, boolean useBias, boolean returnSequences, boolean returnState,
    boolean trainable) implements Recurrent {
  static SimpleRnnLayer from(Attributes a) {
    return new SimpleRnnLayer(
        a.integer("units"), a.ifWritten("features"), a.ifWritten("timesteps"), a.flag("useBias"),
        a.flag("returnSequences"), a.flag("returnState"), a.flag("trainable"));
  }

  @Override
  public String kerasClass() {
    return "SimpleRNN";
  }

  @Override
  public String defaultName() {
    return "simple_rnn";
  }

  @Override
  public String annotation() {
    return "SimpleRnn";
  }

  @Override
  public String torchModule() {
    return "RNN";
  }

  @Override
  public int gates() {
    return 1;
  }
}
