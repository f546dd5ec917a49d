package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.List;
import java.util.OptionalInt;

/**
 * Keras {@code Embedding(input_dim, output_dim)}: one {@code embeddings} matrix of {@code inputDim
 * * outputDim} (keras/src/layers/core/embedding.py, {@code build()}: {@code shape=(self.input_dim,
 * self.output_dim)}). It takes integer token ids: in a sequential model it is the first layer, whose
 * ids are {@code (None, timesteps)}; in a functional model it takes any tensor of ids and adds an
 * axis of {@code outputDim}.
 */
public record EmbeddingLayer(int inputDim, int outputDim, OptionalInt timesteps, boolean maskZero, boolean trainable)
    implements Layer, ModelInput {
  static EmbeddingLayer from(Attributes a) {
    return new EmbeddingLayer(
        a.integer("inputDim"), a.integer("outputDim"), a.ifWritten("timesteps"), a.flag("maskZero"),
        a.flag("trainable"));
  }

  @Override
  public String kerasClass() {
    return "Embedding";
  }

  @Override
  public String defaultName() {
    return "embedding";
  }

  @Override
  public String annotation() {
    return "Embedding";
  }

  @Override
  public OptionalInt features() {
    return OptionalInt.empty();
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    return new Checks(context)
        .positive("inputDim", inputDim, " (the vocabulary size)")
        .positive("outputDim", outputDim)
        .input(this)
        .result();
  }

  @Override
  public Step input(Context context) {
    return Step.of(Shape.of(length().orElse(Shape.UNKNOWN)));
  }

  @Override
  public Step output(Shape input, Context context) {
    if (context.position() > 1 && !context.functional()) {
      return Step.refuse(Message.EMBEDDING_NOT_FIRST, null, context.ref(), context.position(), context.previous());
    }
    return Step.of(input.append(outputDim));
  }

  @Override
  public List<Weight> weights(Shape input) {
    return List.of(Weight.of("EMBEDDINGS", trainable, inputDim, outputDim));
  }

  /** {@code torch.nn.Embedding(inputDim, outputDim)}: {@code weight (inputDim, outputDim)}. */
  @Override
  public Torch torch(Shape input, Context context) {
    return Torch.module("Embedding", Weight.of("WEIGHT", trainable, inputDim, outputDim));
  }

  @Override
  public String sizes(Shape input) {
    return "inputDim = " + inputDim + " and outputDim = " + outputDim;
  }
}
