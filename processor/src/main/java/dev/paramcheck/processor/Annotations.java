package dev.paramcheck.processor;

import dev.paramcheck.Convention;
import dev.paramcheck.From;
import dev.paramcheck.MacBudget;
import dev.paramcheck.ParamBudget;
import dev.paramcheck.Precision;
import dev.paramcheck.SizeBudget;
import dev.paramcheck.model.layer.LayerKinds;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annotation types paramcheck reads: every layer kind, wrapper, budget and model-wide setting,
 * by qualified name.
 */
final class Annotations {
  /** Qualified name to simple name, in a fixed order: the layers, the wrappers, the rest. */
  static final Map<String, String> OURS;

  static {
    List<Class<? extends Annotation>> all = new ArrayList<>();
    LayerKinds.ALL.forEach(k -> all.add(k.annotation()));
    LayerKinds.WRAPPERS.forEach(w -> all.add(w.annotation()));
    all.add(ParamBudget.class);
    all.add(SizeBudget.class);
    all.add(MacBudget.class);
    all.add(Precision.class);
    all.add(From.class);
    all.add(Convention.class);
    Map<String, String> ours = new LinkedHashMap<>();
    for (Class<? extends Annotation> a : all) {
      ours.put(a.getCanonicalName(), a.getSimpleName());
    }
    OURS = Collections.unmodifiableMap(ours);
  }

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
