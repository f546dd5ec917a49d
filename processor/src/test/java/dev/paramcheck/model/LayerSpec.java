package dev.paramcheck.model;

import dev.paramcheck.Bidirectional.Merge;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** Annotations as the reader gives them, with Keras's defaults, for tests of the plain-Java model. */
final class LayerSpec {
  private LayerSpec() {}

  private static Written written(String annotation, Set<String> written, Object... namesAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return new Written(annotation, new Attributes(values, written));
  }

  private static Set<String> features(OptionalInt features) {
    return features.isPresent() ? Set.of("units", "features") : Set.of("units");
  }

  static Written simpleRnn(int units, OptionalInt features, boolean useBias, boolean returnSequences) {
    return recurrent("SimpleRnn", units, features, useBias, returnSequences, true);
  }

  static Written lstm(int units, OptionalInt features, boolean useBias, boolean returnSequences) {
    return recurrent("Lstm", units, features, useBias, returnSequences, true);
  }

  static Written gru(int units, OptionalInt features, boolean useBias, boolean returnSequences, boolean resetAfter) {
    return recurrent("Gru", units, features, useBias, returnSequences, resetAfter);
  }

  private static Written recurrent(
      String annotation, int units, OptionalInt features, boolean useBias, boolean returnSequences, boolean resetAfter) {
    return written(annotation, features(features), "units", units, "features", features.orElse(-1), "timesteps", -1,
        "useBias", useBias, "returnSequences", returnSequences, "returnState", false, "trainable", true,
        "resetAfter", resetAfter);
  }

  static Written dense(int units, OptionalInt features, boolean useBias) {
    return written("Dense", features(features), "units", units, "features", features.orElse(-1), "timesteps", -1,
        "useBias", useBias, "trainable", true);
  }

  static Written embedding(int inputDim, int outputDim) {
    return written("Embedding", Set.of("inputDim", "outputDim"), "inputDim", inputDim, "outputDim", outputDim,
        "timesteps", -1, "maskZero", false, "trainable", true);
  }

  static Written budget(long max) {
    return written("ParamBudget", Set.of("max"), "max", max, "trainableOnly", false);
  }

  static Written precision(String dtype) {
    return written("Precision", Set.of("value"), "value", dtype);
  }

  static Written bidirectional(Merge merge) {
    return written("Bidirectional", Set.of("merge"), "merge", merge.name());
  }
}
