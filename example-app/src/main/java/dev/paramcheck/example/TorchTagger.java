package dev.paramcheck.example;

import dev.paramcheck.Bidirectional;
import dev.paramcheck.Convention;
import dev.paramcheck.Dense;
import dev.paramcheck.Embedding;
import dev.paramcheck.Framework;
import dev.paramcheck.Lstm;
import dev.paramcheck.ParamBudget;
import dev.paramcheck.TimeDistributed;

/**
 * A part-of-speech tagger trained in PyTorch and served with DJL: counted as {@code torch.nn}
 * counts it (two bias vectors per LSTM gate set), its table in torchinfo's layout.
 */
@Convention(Framework.PYTORCH)
@ParamBudget(max = 2_500_000)
public class TorchTagger {
  @Embedding(inputDim = 20_000, outputDim = 100, timesteps = 50)
  Object tokens;

  @Bidirectional
  @Lstm(units = 64, returnSequences = true)
  Object encoder;

  @TimeDistributed
  @Dense(units = 17)
  Object tags;
}
