package com.acme;

import dev.paramcheck.Convention;
import dev.paramcheck.Dense;
import dev.paramcheck.Embedding;
import dev.paramcheck.Framework;
import dev.paramcheck.Lstm;

/** Declared with 16 LSTM units; the shipped tagger.onnx was retrained with 12. */
@Convention(Framework.PYTORCH)
public class Tagger {
  @Embedding(inputDim = 100, outputDim = 8) Object tokens;
  @Lstm(units = 16) Object encoder;
  @Dense(units = 4) Object tag;
}
