package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import dev.paramcheck.model.Weight;
import java.util.List;

/**
 * keras_hub {@code TokenAndPositionEmbedding(vocabulary_size, sequence_length, embedding_dim)}
 * (keras_hub/src/layers/modeling/token_and_position_embedding.py @ 11fe7b6, {@code __init__} 80-96,
 * {@code build} 99-103): {@code token_embedding} (a tied {@code ReversibleEmbedding}: {@code
 * embeddings (V, D)}) and {@code position_embedding} ({@code embeddings (S, D)}). Takes token ids
 * {@code (None, T)}, gives {@code (None, T, D)}; T longer than S is refused as for {@code
 * PositionEmbedding}.
 *
 * <p>{@code maskZero} ({@code mask_zero}) makes no mask in a functional model: keras_hub's {@code
 * compute_mask} (131-132) returns its token embedding's, and Keras 3.15.1's {@code
 * ReversibleEmbedding.compute_mask} returns {@code None} (reversible_embedding.py 146-148; its mask
 * is set in {@code call}, 122-128, which a symbolic call does not run since the layer has a {@code
 * compute_output_shape}). So, unlike {@link EmbeddingLayer}, it adds no {@code NotEqual} row and
 * hands no mask on (checked on corpus/tpe-mask.json); {@link #takesMask()} and {@link #keepsMask()}
 * stay false.
 */
public record TokenAndPositionEmbeddingLayer(int vocabularySize, int sequenceLength, int embeddingDim,
    boolean maskZero, boolean trainable) implements Layer {
  static TokenAndPositionEmbeddingLayer from(Attributes a) {
    return new TokenAndPositionEmbeddingLayer(a.integer("vocabularySize"), a.integer("sequenceLength"),
        a.integer("embeddingDim"), a.flag("maskZero"), a.flag("trainable"));
  }

  @Override
  public String kerasClass() {
    return "TokenAndPositionEmbedding";
  }

  @Override
  public String defaultName() {
    return "token_and_position_embedding";
  }

  @Override
  public String annotation() {
    return "TokenAndPositionEmbedding";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    return new Checks(context)
        .positive("vocabularySize", vocabularySize, " (the number of token ids)")
        .positive("sequenceLength", sequenceLength, " (the longest sequence it embeds)")
        .positive("embeddingDim", embeddingDim)
        .result();
  }

  @Override
  public boolean needsFeatures() {
    return false;
  }

  @Override
  public Step output(Shape input, Context context) {
    if (input.rank() != 1) {
      return Step.refuse(Message.HUB_TOKEN_IDS, null, context.ref(), input, context.previous());
    }
    long t = input.dim(0);
    if (t != Shape.UNKNOWN && t > sequenceLength) {
      return Step.refuse(Message.SEQUENCE_TOO_LONG, "sequenceLength", sequenceLength, context.ref(), input, t, t);
    }
    return Step.of(input.append(embeddingDim));
  }

  @Override
  public List<Weight> weights(Shape input) {
    return List.of(
        Weight.of("TOKEN_EMBEDDING_EMBEDDINGS", trainable, vocabularySize, embeddingDim),
        Weight.of("POSITION_EMBEDDING_EMBEDDINGS", trainable, sequenceLength, embeddingDim));
  }

  @Override
  public Torch torch(Shape input, Context context) {
    return KerasHub.notInTorch("TokenAndPositionEmbedding", context);
  }

  @Override
  public String sizes(Shape input) {
    return "vocabularySize = " + vocabularySize + ", sequenceLength = " + sequenceLength + " and embeddingDim = "
        + embeddingDim;
  }
}
