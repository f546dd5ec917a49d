package dev.paramcheck.example;

import dev.paramcheck.Dense;
import dev.paramcheck.SimpleRnn;

/**
 * The seeds' quiz: 3 input features into 4 SimpleRNN units (12 input parameters, 20 recurrent
 * ones with biases, 32 in all), then a Dense output of 4 (20).
 */
public class SeedQuizModel {
  @SimpleRnn(units = 4, features = 3)
  Object rnn;

  @Dense(units = 4)
  Object output;
}
