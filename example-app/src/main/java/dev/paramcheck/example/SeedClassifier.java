package dev.paramcheck.example;

import dev.paramcheck.Dense;
import dev.paramcheck.ParamBudget;
import dev.paramcheck.SimpleRnn;

/**
 * The seeds' worked example: 4 input features, 5 SimpleRNN units, 3 output classes. 20 input
 * weights + (25 + 5) recurrent weights and biases + (15 + 3) output parameters = 68.
 */
@ParamBudget(max = 100)
public class SeedClassifier {
  @SimpleRnn(units = 5, features = 4)
  Object hidden;

  @Dense(units = 3)
  Object output;
}
