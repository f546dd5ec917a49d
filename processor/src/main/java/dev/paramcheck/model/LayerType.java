package dev.paramcheck.model;

/** The kinds of layer paramcheck counts, with the names Keras gives them. */
public enum LayerType {
  SIMPLE_RNN("SimpleRnn", "SimpleRNN", "simple_rnn", 1),
  LSTM("Lstm", "LSTM", "lstm", 4),
  GRU("Gru", "GRU", "gru", 3),
  DENSE("Dense", "Dense", "dense", 0),
  EMBEDDING("Embedding", "Embedding", "embedding", 0);

  private final String annotationName;
  private final String kerasClass;
  private final String kerasDefaultName;
  private final int gates;

  LayerType(String annotationName, String kerasClass, String kerasDefaultName, int gates) {
    this.annotationName = annotationName;
    this.kerasClass = kerasClass;
    this.kerasDefaultName = kerasDefaultName;
    this.gates = gates;
  }

  /** The simple name of the annotation that declares this layer, such as {@code Lstm}. */
  public String annotationName() {
    return annotationName;
  }

  /** The Keras class name shown in summaries, such as {@code LSTM}. */
  public String kerasClass() {
    return kerasClass;
  }

  /** The name Keras gives the first layer of this type in a model, such as {@code lstm}. */
  public String kerasDefaultName() {
    return kerasDefaultName;
  }

  /** Whether this is a recurrent layer: it needs a time axis and can be bidirectional. */
  public boolean isRecurrent() {
    return gates > 0;
  }

  /** The number of gates of a recurrent layer, each with its own kernel, recurrent kernel, bias. */
  int gates() {
    return gates;
  }
}
