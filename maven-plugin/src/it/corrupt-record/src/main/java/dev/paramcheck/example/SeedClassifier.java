package dev.paramcheck.example;

import dev.paramcheck.Dense;
import dev.paramcheck.ParamBudget;
import dev.paramcheck.SimpleRnn;

/** SimpleRNN(5) on 4 features: 5 * (4 + 5 + 1) = 50; Dense(3) on 5: 3 * (5 + 1) = 18; 68 parameters. */
@ParamBudget(max = 100)
public class SeedClassifier {
  @SimpleRnn(units = 5, features = 4)
  Object hidden;

  @Dense(units = 3)
  Object output;
}
