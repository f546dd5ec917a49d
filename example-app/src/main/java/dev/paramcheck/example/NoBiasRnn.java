package dev.paramcheck.example;

import dev.paramcheck.SimpleRnn;

/**
 * The seeds' SimpleRNN without bias ({@code use_bias=False}): 4 units on 3 input dimensions have
 * 16 recurrent and 12 input weights, 28 in all.
 */
@SimpleRnn(units = 4, features = 3, useBias = false)
public class NoBiasRnn {}
