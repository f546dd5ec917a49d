package dev.paramcheck;

/** How {@link Attention} scores a query against a key, as Keras {@code score_mode}. */
public enum ScoreMode {
  /** The dot product of query and key, Keras {@code "dot"}. */
  DOT,
  /**
   * {@code tanh} of query plus key, summed over the features, Keras {@code "concat"}: adds one
   * scalar weight, {@code concat_score_weight}.
   */
  CONCAT
}
