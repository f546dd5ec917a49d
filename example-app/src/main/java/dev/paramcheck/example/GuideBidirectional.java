package dev.paramcheck.example;

import dev.paramcheck.Bidirectional;
import dev.paramcheck.Dense;
import dev.paramcheck.Lstm;
import dev.paramcheck.ParamBudget;

/**
 * keras.io "Working with RNNs", bidirectional model: {@code Bidirectional(LSTM(64,
 * return_sequences=True))} on 10 features, {@code Bidirectional(LSTM(32))}, {@code Dense(10)}:
 * 80,266 parameters. (The guide fixes 5 time steps, so Keras prints {@code (None, 5, 128)} where
 * paramcheck, which does not know the sequence length, prints {@code (None, None, 128)}.)
 */
@ParamBudget(max = 100_000)
public class GuideBidirectional {
  @Bidirectional
  @Lstm(units = 64, features = 10, returnSequences = true)
  Object bidirectional;

  @Bidirectional
  @Lstm(units = 32)
  Object bidirectional1;

  @Dense(units = 10)
  Object dense;
}
