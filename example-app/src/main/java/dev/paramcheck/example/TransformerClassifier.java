package dev.paramcheck.example;

import dev.paramcheck.Block;
import dev.paramcheck.Dense;
import dev.paramcheck.Dropout;
import dev.paramcheck.GlobalAveragePooling1d;
import dev.paramcheck.Input;
import dev.paramcheck.ParamBudget;
import dev.paramcheck.SizeBudget;
import dev.paramcheck.TokenAndPositionEmbedding;

/**
 * keras.io's Transformer text classifier ("Text classification with Transformer"): token and
 * position embeddings of 32 for a vocabulary of 20,000 and reviews of 200 tokens, one {@link
 * TransformerBlock} of its own, pooling and a small head. Keras 3 counts {@code Total params:
 * 657,758 (2.51 MB)} (tools/corpus/attention/transformer_classifier.py); the embedding is 98% of
 * it.
 */
@ParamBudget(max = 700_000)
@SizeBudget(max = "3 MiB")
public class TransformerClassifier {
  @Input(shape = {200}, dtype = "int32")
  Object tokens;

  @TokenAndPositionEmbedding(vocabularySize = 20_000, sequenceLength = 200, embeddingDim = 32)
  Object embedding;

  @Block(TransformerBlock.class)
  Object encoder;

  @GlobalAveragePooling1d
  Object pool;

  @Dropout(rate = 0.1)
  Object drop;

  @Dense(units = 20)
  Object hidden;

  @Dropout(rate = 0.1)
  Object drop2;

  @Dense(units = 2)
  Object out;
}
