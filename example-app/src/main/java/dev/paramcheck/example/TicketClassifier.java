package dev.paramcheck.example;

import dev.paramcheck.Concatenate;
import dev.paramcheck.Dense;
import dev.paramcheck.Embedding;
import dev.paramcheck.From;
import dev.paramcheck.Input;
import dev.paramcheck.Lstm;
import dev.paramcheck.ParamBudget;

/**
 * The Keras functional API guide's ticket model: three inputs (title and body token ids, 12 tag
 * flags), two encoders, a concatenation and two outputs (a priority score and a department). Keras 3
 * counts {@code Total params: 1,392,097} for it.
 */
@ParamBudget(max = 1_500_000)
public class TicketClassifier {
  @Input(shape = {-1}, dtype = "int32")
  Object title;

  @Input(shape = {-1}, dtype = "int32")
  Object body;

  @Input(shape = {12})
  Object tags;

  @From("title")
  @Embedding(inputDim = 10_000, outputDim = 64)
  Object titleFeatures;

  @From("body")
  @Embedding(inputDim = 10_000, outputDim = 64)
  Object bodyFeatures;

  @From("titleFeatures")
  @Lstm(units = 128)
  Object titleEncoded;

  @From("bodyFeatures")
  @Lstm(units = 32)
  Object bodyEncoded;

  @From({"titleEncoded", "bodyEncoded", "tags"})
  @Concatenate
  Object features;

  @Dense(units = 1)
  Object priority;

  @From("features")
  @Dense(units = 4)
  Object department;
}
