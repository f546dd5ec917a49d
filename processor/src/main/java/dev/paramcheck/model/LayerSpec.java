package dev.paramcheck.model;

import java.util.OptionalInt;

/**
 * One layer annotation as the user wrote it. Values are not validated here: {@link ModelChecker}
 * reports the invalid ones. {@code features} is empty when not written (inferred). Attributes a
 * type does not have are ignored: {@code units} of an Embedding, {@code inputDim} of an LSTM.
 */
public record LayerSpec(
    LayerType type,
    int units,
    OptionalInt features,
    boolean useBias,
    boolean returnSequences,
    boolean resetAfter,
    int inputDim,
    int outputDim) {

  public static LayerSpec simpleRnn(int units, OptionalInt features, boolean useBias, boolean returnSequences) {
    return new LayerSpec(LayerType.SIMPLE_RNN, units, features, useBias, returnSequences, false, 0, 0);
  }

  public static LayerSpec lstm(int units, OptionalInt features, boolean useBias, boolean returnSequences) {
    return new LayerSpec(LayerType.LSTM, units, features, useBias, returnSequences, false, 0, 0);
  }

  public static LayerSpec gru(
      int units, OptionalInt features, boolean useBias, boolean returnSequences, boolean resetAfter) {
    return new LayerSpec(LayerType.GRU, units, features, useBias, returnSequences, resetAfter, 0, 0);
  }

  public static LayerSpec dense(int units, OptionalInt features, boolean useBias) {
    return new LayerSpec(LayerType.DENSE, units, features, useBias, false, false, 0, 0);
  }

  public static LayerSpec embedding(int inputDim, int outputDim) {
    return new LayerSpec(LayerType.EMBEDDING, 0, OptionalInt.empty(), false, false, false, inputDim, outputDim);
  }
}
