package dev.paramcheck.model.layer;

import dev.paramcheck.Activation;
import dev.paramcheck.Input;
import dev.paramcheck.Concatenate;
import dev.paramcheck.Add;
import dev.paramcheck.Subtract;
import dev.paramcheck.Multiply;
import dev.paramcheck.Average;
import dev.paramcheck.Maximum;
import dev.paramcheck.Minimum;
import dev.paramcheck.Dot;
import dev.paramcheck.MultiHeadAttention;
import dev.paramcheck.Attention;
import dev.paramcheck.AdditiveAttention;
import dev.paramcheck.TransformerEncoder;
import dev.paramcheck.TransformerDecoder;
import dev.paramcheck.PositionEmbedding;
import dev.paramcheck.TokenAndPositionEmbedding;
import dev.paramcheck.Block;
import dev.paramcheck.Op;
import dev.paramcheck.Reshape;
import dev.paramcheck.Permute;
import dev.paramcheck.Lambda;
import dev.paramcheck.TextVectorization;
import dev.paramcheck.Conv2d;
import dev.paramcheck.MaxPooling2d;
import dev.paramcheck.AveragePooling2d;
import dev.paramcheck.GlobalMaxPooling2d;
import dev.paramcheck.GlobalAveragePooling2d;
import dev.paramcheck.ZeroPadding1d;
import dev.paramcheck.Cropping1d;
import dev.paramcheck.UpSampling1d;
import dev.paramcheck.AveragePooling1d;
import dev.paramcheck.BatchNormalization;
import dev.paramcheck.Bidirectional;
import dev.paramcheck.Conv1d;
import dev.paramcheck.Dense;
import dev.paramcheck.Dropout;
import dev.paramcheck.Embedding;
import dev.paramcheck.Flatten;
import dev.paramcheck.GaussianNoise;
import dev.paramcheck.GlobalAveragePooling1d;
import dev.paramcheck.GlobalMaxPooling1d;
import dev.paramcheck.Gru;
import dev.paramcheck.LayerNormalization;
import dev.paramcheck.Lstm;
import dev.paramcheck.Masking;
import dev.paramcheck.MaxPooling1d;
import dev.paramcheck.RepeatVector;
import dev.paramcheck.SimpleRnn;
import dev.paramcheck.SpatialDropout1d;
import dev.paramcheck.TimeDistributed;
import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Message;
import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one list of layer kinds: adding a layer is its annotation, its class and one line here.
 */
public final class LayerKinds {
  /** A layer annotation and how to read it into its layer. */
  public record Kind(Class<? extends Annotation> annotation, Class<? extends Layer> type, Function<Attributes, Layer> read) {
    public String name() {
      return annotation.getSimpleName();
    }

    /** Whether the layer can be the first one, declaring the model's input. */
    public boolean takesInput() {
      return ModelInput.class.isAssignableFrom(type);
    }
  }

  /** How a wrapper annotation wraps the layer annotated beside it. */
  @FunctionalInterface
  public interface Wrap {
    Built apply(Layer inner, Attributes attributes, Context context);
  }

  /**
   * An annotation that wraps the layer beside it, such as {@code @Bidirectional}.
   *
   * @param withoutLayer the message when nothing is beside it
   */
  public record Wrapper(Class<? extends Annotation> annotation, Message withoutLayer, Wrap wrap) {
    public String name() {
      return annotation.getSimpleName();
    }
  }

  /** Every layer kind, in the order the documentation lists them. */
  public static final List<Kind> ALL = List.of(
      new Kind(SimpleRnn.class, SimpleRnnLayer.class, SimpleRnnLayer::from),
      new Kind(Lstm.class, LstmLayer.class, LstmLayer::from),
      new Kind(Gru.class, GruLayer.class, GruLayer::from),
      new Kind(Dense.class, DenseLayer.class, DenseLayer::from),
      new Kind(Embedding.class, EmbeddingLayer.class, EmbeddingLayer::from),
      new Kind(Conv1d.class, Conv1dLayer.class, Conv1dLayer::from),
      new Kind(MaxPooling1d.class, MaxPooling1dLayer.class, MaxPooling1dLayer::from),
      new Kind(AveragePooling1d.class, AveragePooling1dLayer.class, AveragePooling1dLayer::from),
      new Kind(GlobalMaxPooling1d.class, GlobalMaxPooling1dLayer.class, GlobalMaxPooling1dLayer::from),
      new Kind(GlobalAveragePooling1d.class, GlobalAveragePooling1dLayer.class, GlobalAveragePooling1dLayer::from),
      new Kind(Flatten.class, FlattenLayer.class, FlattenLayer::from),
      new Kind(Dropout.class, DropoutLayer.class, DropoutLayer::from),
      new Kind(SpatialDropout1d.class, SpatialDropout1dLayer.class, SpatialDropout1dLayer::from),
      new Kind(BatchNormalization.class, BatchNormalizationLayer.class, BatchNormalizationLayer::from),
      new Kind(LayerNormalization.class, LayerNormalizationLayer.class, LayerNormalizationLayer::from),
      new Kind(RepeatVector.class, RepeatVectorLayer.class, RepeatVectorLayer::from),
      new Kind(Masking.class, MaskingLayer.class, MaskingLayer::from),
      new Kind(Activation.class, ActivationLayer.class, ActivationLayer::from),
      new Kind(GaussianNoise.class, GaussianNoiseLayer.class, GaussianNoiseLayer::from),
      new Kind(Input.class, InputLayer.class, InputLayer::from),
      new Kind(Concatenate.class, ConcatenateLayer.class, ConcatenateLayer::from),
      new Kind(Add.class, AddLayer.class, AddLayer::from),
      new Kind(Subtract.class, SubtractLayer.class, SubtractLayer::from),
      new Kind(Multiply.class, MultiplyLayer.class, MultiplyLayer::from),
      new Kind(Average.class, AverageLayer.class, AverageLayer::from),
      new Kind(Maximum.class, MaximumLayer.class, MaximumLayer::from),
      new Kind(Minimum.class, MinimumLayer.class, MinimumLayer::from),
      new Kind(Dot.class, DotLayer.class, DotLayer::from),
      new Kind(Op.class, OpLayer.class, OpLayer::from),
      new Kind(Reshape.class, ReshapeLayer.class, ReshapeLayer::from),
      new Kind(Permute.class, PermuteLayer.class, PermuteLayer::from),
      new Kind(Lambda.class, LambdaLayer.class, LambdaLayer::from),
      new Kind(TextVectorization.class, TextVectorizationLayer.class, TextVectorizationLayer::from),
      new Kind(Conv2d.class, Conv2dLayer.class, Conv2dLayer::from),
      new Kind(MaxPooling2d.class, MaxPooling2dLayer.class, MaxPooling2dLayer::from),
      new Kind(AveragePooling2d.class, AveragePooling2dLayer.class, AveragePooling2dLayer::from),
      new Kind(GlobalMaxPooling2d.class, GlobalMaxPooling2dLayer.class, GlobalMaxPooling2dLayer::from),
      new Kind(GlobalAveragePooling2d.class, GlobalAveragePooling2dLayer.class, GlobalAveragePooling2dLayer::from),
      new Kind(ZeroPadding1d.class, ZeroPadding1dLayer.class, ZeroPadding1dLayer::from),
      new Kind(Cropping1d.class, Cropping1dLayer.class, Cropping1dLayer::from),
      new Kind(UpSampling1d.class, UpSampling1dLayer.class, UpSampling1dLayer::from),
      new Kind(MultiHeadAttention.class, MultiHeadAttentionLayer.class, MultiHeadAttentionLayer::from),
      new Kind(Attention.class, AttentionLayer.class, AttentionLayer::from),
      new Kind(AdditiveAttention.class, AdditiveAttentionLayer.class, AdditiveAttentionLayer::from),
      new Kind(TransformerEncoder.class, TransformerEncoderLayer.class, TransformerEncoderLayer::from),
      new Kind(TransformerDecoder.class, TransformerDecoderLayer.class, TransformerDecoderLayer::from),
      new Kind(PositionEmbedding.class, PositionEmbeddingLayer.class, PositionEmbeddingLayer::from),
      new Kind(TokenAndPositionEmbedding.class, TokenAndPositionEmbeddingLayer.class,
          TokenAndPositionEmbeddingLayer::from),
      new Kind(Block.class, BlockLayer.class, BlockLayer::from));

  /** Every wrapper, in the order they wrap when both are written. */
  public static final List<Wrapper> WRAPPERS = List.of(
      new Wrapper(Bidirectional.class, Message.BIDIRECTIONAL_WITHOUT_LAYER, BidirectionalLayer::wrap),
      new Wrapper(TimeDistributed.class, Message.TIME_DISTRIBUTED_WITHOUT_LAYER, TimeDistributedLayer::wrap));

  private static final Map<String, Kind> BY_NAME =
      ALL.stream().collect(Collectors.toMap(Kind::name, k -> k, (a, b) -> a, LinkedHashMap::new));

  private static final Map<String, Wrapper> WRAPPERS_BY_NAME =
      WRAPPERS.stream().collect(Collectors.toMap(Wrapper::name, w -> w, (a, b) -> a, LinkedHashMap::new));

  private LayerKinds() {}

  /** The layer kind an annotation declares, by the annotation's simple name. */
  public static Optional<Kind> kind(String annotation) {
    return Optional.ofNullable(BY_NAME.get(annotation));
  }

  public static Optional<Wrapper> wrapper(String annotation) {
    return Optional.ofNullable(WRAPPERS_BY_NAME.get(annotation));
  }

  /** The annotations that can declare the model's input: {@code @SimpleRnn, ..., or @Masking}. */
  public static String inputAnnotations() {
    return names(ALL.stream().filter(Kind::takesInput).map(Kind::name).collect(Collectors.toList()));
  }

  /** Every layer annotation, for messages that ask for one. */
  public static String layerAnnotations() {
    return names(ALL.stream().map(Kind::name).collect(Collectors.toList()));
  }

  private static String names(List<String> names) {
    String all = names.stream().map(n -> "@" + n).collect(Collectors.joining(", "));
    int last = all.lastIndexOf(", ");
    return last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
  }
}
