package dev.paramcheck.example;

import dev.paramcheck.Activation;
import dev.paramcheck.BatchNormalization;
import dev.paramcheck.Conv1d;
import dev.paramcheck.Dense;
import dev.paramcheck.Dropout;
import dev.paramcheck.Embedding;
import dev.paramcheck.Lstm;
import dev.paramcheck.MaxPooling1d;
import dev.paramcheck.Padding;
import dev.paramcheck.ParamBudget;

/**
 * A headline classifier with a convolutional front end: frozen pretrained word vectors (200 tokens
 * a headline), a Conv1D over them with batch normalization, pooling down to 50 steps, and an LSTM.
 * Only 74,241 of its 2,634,369 parameters are trained, but all of them ship, so the budget bounds
 * the total.
 */
@ParamBudget(max = 3_000_000)
public class ConvHeadlines {
  @Embedding(inputDim = 20_000, outputDim = 128, timesteps = 200, trainable = false)
  Object words;

  @Conv1d(filters = 64, kernelSize = 5, padding = Padding.SAME)
  Object conv;

  @BatchNormalization
  Object norm;

  @Activation("relu")
  Object relu;

  @MaxPooling1d(poolSize = 4)
  Object pool;

  @Dropout(rate = 0.25)
  Object dropout;

  @Lstm(units = 64)
  Object lstm;

  @Dense(units = 1)
  Object headline;
}
