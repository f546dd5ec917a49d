package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.List;

/**
 * keras_hub {@code PositionEmbedding(sequence_length)}
 * (keras_hub/src/layers/modeling/position_embedding.py @ 0d213a7, {@code build} 87-95): {@code
 * embeddings (sequence_length, D)}, D the input's last axis. The output has the input's shape. Its
 * {@code call} slices the first T rows, so a longer input fails when the model runs: refused here.
 */
public record PositionEmbeddingLayer(int sequenceLength, boolean trainable) implements Layer {
  static PositionEmbeddingLayer from(Attributes a) {
    return new PositionEmbeddingLayer(a.integer("sequenceLength"), a.flag("trainable"));
  }

  @Override
  public String kerasClass() {
    return "PositionEmbedding";
  }

  @Override
  public String defaultName() {
    return "position_embedding";
  }

  @Override
  public String annotation() {
    return "PositionEmbedding";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    return new Checks(context).positive("sequenceLength", sequenceLength, " (the longest sequence it embeds)").result();
  }

  @Override
  public boolean needsSequence() {
    return true;
  }

  @Override
  public Step output(Shape input, Context context) {
    long t = input.dim(0);
    if (t != Shape.UNKNOWN && t > sequenceLength) {
      return Step.refuse(Message.SEQUENCE_TOO_LONG, "sequenceLength", sequenceLength, context.ref(), input, t, t);
    }
    return Step.of(input);
  }

  @Override
  public List<Weight> weights(Shape input) {
    return List.of(Weight.of("EMBEDDINGS", trainable, sequenceLength, input.features()));
  }

  @Override
  public Torch torch(Shape input, Context context) {
    return KerasHub.notInTorch("PositionEmbedding", context);
  }

  @Override
  public String sizes(Shape input) {
    return "sequenceLength = " + sequenceLength + " on " + input.features() + " input features";
  }
}
