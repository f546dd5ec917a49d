package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.List;

/**
 * Keras {@code TextVectorization(max_tokens, output_sequence_length)} in {@code int} mode
 * (keras/src/layers/preprocessing/text_vectorization.py, {@code compute_output_shape}: {@code
 * (input_shape[0], output_sequence_length)}): 0 parameters, its vocabulary being lookup tables, not
 * weights. It takes a string input, or declares one when it comes first.
 */
public record TextVectorizationLayer(int maxTokens, int outputSequenceLength) implements Layer, ModelInput {
  static TextVectorizationLayer from(Attributes a) {
    return new TextVectorizationLayer(a.integer("maxTokens"), a.integer("outputSequenceLength"));
  }

  @Override
  public String kerasClass() {
    return "TextVectorization";
  }

  @Override
  public String defaultName() {
    return "text_vectorization";
  }

  @Override
  public String annotation() {
    return "TextVectorization";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    Checks checks = new Checks(context).positive("maxTokens", maxTokens, " (the vocabulary's size)");
    if (outputSequenceLength != -1) {
      checks.positive("outputSequenceLength", outputSequenceLength, " (or -1, the default, for any length)");
    }
    return checks.result();
  }

  @Override
  public java.util.OptionalInt features() {
    return java.util.OptionalInt.empty();
  }

  @Override
  public java.util.OptionalInt timesteps() {
    return java.util.OptionalInt.empty();
  }

  /** As the first layer of a sequential model: one string per sample, {@code (None, 1)}. */
  @Override
  public Step input(Context context) {
    return Step.of(Shape.of(1));
  }

  @Override
  public Step output(Shape input, Context context) {
    if (input.rank() > 1 || input.rank() == 1 && input.dim(0) != 1 && input.dim(0) != Shape.UNKNOWN) {
      return Step.refuse(Message.TEXT_VECTORIZATION_INPUT, null, context.ref(), context.previous(), input);
    }
    return Step.of(Shape.of(outputSequenceLength == -1 ? Shape.UNKNOWN : outputSequenceLength));
  }

  @Override
  public Torch torch(Shape input, Context context) {
    return new Torch.NoModule();
  }
}
