package dev.paramcheck;

/** How a convolution or pooling layer pads the ends of a sequence, as Keras {@code padding}. */
public enum Padding {
  /** No padding: windows that do not fit are dropped, so the output is shorter. */
  VALID,
  /** Pads both ends so that the output has {@code ceil(L / strides)} steps. */
  SAME,
  /** Pads the start only, so that no output step sees a later input step ({@code Conv1d} only). */
  CAUSAL
}
