package com.example;

import dev.paramcheck.ParamBudget;
import dev.paramcheck.SimpleRnn;

/** SimpleRNN(10) on 1 feature: 10 * (1 + 10 + 1) = 120 parameters, within its budget. */
@SimpleRnn(units = 10, features = 1)
@ParamBudget(max = 200)
public class SentimentRnn {}
