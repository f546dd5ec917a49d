package dev.paramcheck.example;

import dev.paramcheck.ParamBudget;
import dev.paramcheck.SimpleRnn;

/**
 * The seeds' first model: {@code SimpleRNN(10, input_shape=(3, 1))}, which Keras's summary shows
 * with 120 parameters.
 */
@SimpleRnn(units = 10, features = 1)
@ParamBudget(max = 200)
public class SentimentRnn {}
