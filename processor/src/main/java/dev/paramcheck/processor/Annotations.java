package dev.paramcheck.processor;

import dev.paramcheck.Bidirectional;
import dev.paramcheck.Dense;
import dev.paramcheck.Embedding;
import dev.paramcheck.Gru;
import dev.paramcheck.Lstm;
import dev.paramcheck.ParamBudget;
import dev.paramcheck.SimpleRnn;
import dev.paramcheck.model.LayerType;
import java.util.List;
import java.util.Map;

/** The annotation types paramcheck reads, by qualified name. */
final class Annotations {
  static final String BIDIRECTIONAL = Bidirectional.class.getCanonicalName();
  static final String PARAM_BUDGET = ParamBudget.class.getCanonicalName();

  /** Layer annotations and the layer type each declares, in a fixed order. */
  static final Map<String, LayerType> LAYERS =
      Map.of(
          SimpleRnn.class.getCanonicalName(), LayerType.SIMPLE_RNN,
          Lstm.class.getCanonicalName(), LayerType.LSTM,
          Gru.class.getCanonicalName(), LayerType.GRU,
          Dense.class.getCanonicalName(), LayerType.DENSE,
          Embedding.class.getCanonicalName(), LayerType.EMBEDDING);

  /** Every annotation type the processor supports, in a fixed order. */
  static final List<String> ALL =
      List.of(
          SimpleRnn.class.getCanonicalName(),
          Lstm.class.getCanonicalName(),
          Gru.class.getCanonicalName(),
          Dense.class.getCanonicalName(),
          Embedding.class.getCanonicalName(),
          BIDIRECTIONAL,
          PARAM_BUDGET);

  /**
   * The {@code @Generated} annotations the summaries carry. The processor supports them only to
   * claim them in rounds where nothing but its own summaries carries them: javac's {@code
   * -Xlint:processing} would otherwise warn "No processor claimed any of these annotations" about
   * the processor's own output, and fail {@code -Werror} builds.
   */
  static final List<String> GENERATED =
      List.of("javax.annotation.processing.Generated", "javax.annotation.Generated");

  private Annotations() {}
}
