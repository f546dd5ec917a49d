package dev.paramcheck.example;

import dev.paramcheck.Dense;
import dev.paramcheck.Dtype;
import dev.paramcheck.Embedding;
import dev.paramcheck.Lstm;
import dev.paramcheck.MacBudget;
import dev.paramcheck.Precision;
import dev.paramcheck.SizeBudget;

/**
 * A next-word model for a phone keyboard, shipped at float16: its weights must fit in 2 MiB, and
 * one prediction over the last 20 words may cost at most 3 million multiply-accumulates.
 */
@Precision(Dtype.FLOAT16)
@SizeBudget(max = "2 MiB")
@MacBudget(max = 3_000_000)
public class PhoneKeyboard {
  @Embedding(inputDim = 5_000, outputDim = 32, timesteps = 20)
  Object words;

  @Lstm(units = 128)
  Object context;

  @Dense(units = 5_000)
  Object nextWord;
}
