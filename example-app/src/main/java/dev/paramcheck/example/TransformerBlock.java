package dev.paramcheck.example;

import dev.paramcheck.Add;
import dev.paramcheck.Dense;
import dev.paramcheck.Dropout;
import dev.paramcheck.From;
import dev.paramcheck.Input;
import dev.paramcheck.LayerNormalization;
import dev.paramcheck.MultiHeadAttention;

/**
 * keras.io's {@code TransformerBlock} ("Text classification with Transformer"): self-attention with
 * 2 heads of 32, a residual Add and LayerNormalization, a feed-forward network of 32 and a second
 * residual block, on sequences of 200 tokens embedded in 32. Keras 3 counts 10,656 parameters
 * (tools/corpus/attention/transformer_classifier.py). Used as one layer by {@link
 * TransformerClassifier}; its own summary lists its layers.
 */
public class TransformerBlock {
  @Input(shape = {200, 32})
  Object x;

  @From({"x", "x"})
  @MultiHeadAttention(numHeads = 2, keyDim = 32)
  Object attention;

  @Dropout(rate = 0.1)
  Object attentionDropout;

  @From({"x", "attentionDropout"})
  @Add
  Object residual;

  @LayerNormalization
  Object norm1;

  @Dense(units = 32)
  Object feedForward;

  @Dense(units = 32)
  Object feedForwardOut;

  @Dropout(rate = 0.1)
  Object feedForwardDropout;

  @From({"norm1", "feedForwardDropout"})
  @Add
  Object residual2;

  @LayerNormalization
  Object norm2;
}
