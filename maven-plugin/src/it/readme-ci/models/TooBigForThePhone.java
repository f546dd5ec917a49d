package com.example;

import dev.paramcheck.Dense;
import dev.paramcheck.Embedding;
import dev.paramcheck.Lstm;
import dev.paramcheck.ParamBudget;

/**
 * Over its budget. Embedding(20000, 64): 1,280,000; LSTM(128) on 64 features: 98,816 (keras.io's
 * RNN guide prints that row); Dense(1) on 128: 129; 1,378,945 in all.
 */
@ParamBudget(max = 1_000_000)
public class TooBigForThePhone {
  @Embedding(inputDim = 20_000, outputDim = 64)
  Object tokens;

  @Lstm(units = 128)
  Object encoder;

  @Dense(units = 1)
  Object sentiment;
}
