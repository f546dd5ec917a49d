package dev.paramcheck.example;

import dev.paramcheck.Bidirectional;
import dev.paramcheck.Dense;
import dev.paramcheck.Embedding;
import dev.paramcheck.Gru;
import dev.paramcheck.ParamBudget;

/**
 * A realistic model of our own: a bidirectional GRU sentiment classifier for product reviews,
 * with a 20,000-token vocabulary, sized to ship to a phone (budget 3M parameters, 12 MB as
 * float32), and a cap on the encoder so a wider GRU is a conscious decision.
 */
@ParamBudget(max = 3_000_000)
public class ReviewSentiment {
  @Embedding(inputDim = 20_000, outputDim = 128)
  Object tokens;

  @ParamBudget(max = 100_000)
  @Bidirectional
  @Gru(units = 64, returnSequences = true)
  Object encoder;

  @Bidirectional(merge = Bidirectional.Merge.SUM)
  @Gru(units = 32)
  Object pooled;

  @Dense(units = 16)
  Object hidden;

  @Dense(units = 1)
  Object sentiment;
}
