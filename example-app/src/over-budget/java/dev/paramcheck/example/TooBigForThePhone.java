package dev.paramcheck.example;

import dev.paramcheck.Dense;
import dev.paramcheck.Embedding;
import dev.paramcheck.Lstm;
import dev.paramcheck.ParamBudget;

/**
 * Kept out of the default build: compiling it fails, as it should. See the README:
 * {@code ./mvnw -q -pl example-app -am -Pover-budget compile}.
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
