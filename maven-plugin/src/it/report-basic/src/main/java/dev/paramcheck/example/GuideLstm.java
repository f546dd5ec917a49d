package dev.paramcheck.example;

import dev.paramcheck.Dense;
import dev.paramcheck.Embedding;
import dev.paramcheck.Lstm;
import dev.paramcheck.ParamBudget;

/** keras.io "Working with RNNs", first model: Keras prints Total params: 164,106 (641.04 KB). */
@ParamBudget(max = 200_000)
public class GuideLstm {
  @Embedding(inputDim = 1000, outputDim = 64)
  Object embedding;

  @Lstm(units = 128)
  Object lstm;

  @Dense(units = 10)
  Object dense;
}
