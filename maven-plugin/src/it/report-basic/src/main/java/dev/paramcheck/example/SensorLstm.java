package dev.paramcheck.example;

import dev.paramcheck.Dense;
import dev.paramcheck.Lstm;
import dev.paramcheck.MacBudget;
import dev.paramcheck.ParamBudget;
import dev.paramcheck.SizeBudget;

/**
 * A model whose MACs are known (20 time steps): LSTM(8) on 4 features, 4 * 8 * (4 + 8 + 1) = 416
 * parameters, once per step = 8,320 MACs; Dense(1) on 8: 9 parameters, 9 MACs. 425 parameters,
 * 1,700 bytes, 8,329 MACs; of its three budgets the MACs' (671 of 9,000 left) is the tightest.
 */
@ParamBudget(max = 500)
@SizeBudget(max = "1 MiB")
@MacBudget(max = 9_000)
public class SensorLstm {
  @Lstm(units = 8, features = 4, timesteps = 20)
  Object lstm;

  @Dense(units = 1)
  Object reading;
}
