package dev.paramcheck.example;

import dev.paramcheck.Dense;
import dev.paramcheck.Embedding;
import dev.paramcheck.Gru;
import dev.paramcheck.ParamBudget;
import dev.paramcheck.SimpleRnn;

/**
 * keras.io "Working with RNNs", second model: {@code Embedding(1000, 64)}, {@code GRU(256,
 * return_sequences=True)}, {@code SimpleRNN(128)}, {@code Dense(10)}: 361,866 parameters in
 * Keras 3, where GRU's {@code reset_after=True} keeps two bias vectors (247,296 for the GRU).
 */
@ParamBudget(max = 400_000)
public class GuideGru {
  @Embedding(inputDim = 1000, outputDim = 64)
  Object embedding;

  @Gru(units = 256, returnSequences = true)
  Object gru;

  @SimpleRnn(units = 128)
  Object simpleRnn;

  @Dense(units = 10)
  Object dense;
}
