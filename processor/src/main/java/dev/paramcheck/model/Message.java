package dev.paramcheck.model;

import java.util.Locale;

/**
 * Every diagnostic paramcheck prints: the whole user interface of errors in one place. Each has a
 * stable tag, printed as {@code [paramcheck:tag]}, so teams can search for it.
 */
public enum Message {
  INVALID_VALUE("invalid-value", "%s = %s on %s: %s must be at least 1%s"),
  MULTIPLE_LAYERS_ON_FIELD(
      "multiple-layers",
      "field '%s' has both @%s and @%s: a field declares one layer; move @%s to a field of its own"
          + " (fields form the model in declaration order)"),
  MULTIPLE_LAYERS_ON_CLASS(
      "multiple-layers",
      "class %s has both @%s and @%s: a layer annotation on the class declares a one-layer model;"
          + " for more layers, annotate one field per layer, in order"),
  CLASS_AND_FIELD_LAYERS(
      "class-and-field-layers",
      "class %s has @%s on the class and %d layer(s) on its fields: declare a one-layer model on"
          + " the class, or every layer on a field; move @%s to a field where it belongs in the"
          + " order"),
  BIDIRECTIONAL_WITHOUT_LAYER(
      "bidirectional-without-layer",
      "@Bidirectional on %s wraps nothing: put it beside @SimpleRnn, @Lstm or @Gru on the same %s,"
          + " or remove it"),
  BIDIRECTIONAL_NOT_RECURRENT(
      "bidirectional-not-recurrent",
      "@Bidirectional cannot wrap %s: only @SimpleRnn, @Lstm and @Gru run in two directions;"
          + " remove @Bidirectional"),
  BUDGET_WITHOUT_LAYER(
      "budget-without-layer",
      "@ParamBudget on field '%s' bounds a layer, but the field has no layer annotation: add one"
          + " (@SimpleRnn, @Lstm, @Gru, @Dense or @Embedding), or move @ParamBudget to the class to"
          + " bound the model"),
  NO_LAYERS(
      "no-layers",
      "model %s has @ParamBudget but no layers: annotate the class (one layer) or its fields (one"
          + " layer each, in order) with @SimpleRnn, @Lstm, @Gru, @Dense or @Embedding"),
  MISSING_FEATURES(
      "missing-features",
      "%s is the first layer, so no layer before it gives its input size: add features = <size of"
          + " the input's last axis> to @%s"),
  FEATURES_MISMATCH(
      "features-mismatch",
      "features = %s on %s, but %s before it outputs %s features %s: remove features to infer it,"
          + " or set it to %s"),
  EMBEDDING_NOT_FIRST(
      "embedding-not-first",
      "%s is layer %d, after %s: an Embedding takes integer token ids, so it can only be the first"
          + " layer; move it to the first layer field"),
  NEEDS_SEQUENCE(
      "needs-sequence", "%s needs an input with a time axis, but %s outputs %s: %s"),
  COUNT_OVERFLOW(
      "overflow",
      "%s has more than 9,223,372,036,854,775,807 parameters (Long.MAX_VALUE) with %s: make it"
          + " smaller"),
  TOTAL_OVERFLOW(
      "overflow",
      "model %s has more than 9,223,372,036,854,775,807 parameters in total (Long.MAX_VALUE);"
          + " largest layers: %s. Make them smaller"),
  MODEL_OVER_BUDGET(
      "over-budget",
      "model %s has %s parameters, %s over its budget of %s. Largest layers: %s. Raise max or"
          + " make those layers smaller"),
  LAYER_OVER_BUDGET(
      "over-budget",
      "%s has %s parameters (%s), %s over its budget of %s. Raise max or make the layer smaller"),
  CONSTANT_CLASH(
      "name-clash",
      "%s would generate the constant %s, which %s generates too: rename the field"),
  NAME_TAKEN(
      "name-taken",
      "cannot generate %s, the summary of %s: a type of that name already exists; rename one of"
          + " them"),
  TOO_LARGE(
      "too-large",
      "%s has %d layers: a Java class file cannot hold a constant for each; split the model into"
          + " classes of fewer layers"),
  BREAKDOWN_LEFT_OUT(
      "breakdown-left-out",
      "%s has %d layers: its summary holds each layer's count but not their breakdown (kernel,"
          + " recurrent kernel, bias), which would not fit in one class file"),
  WRITE_FAILED("write-failed", "cannot write %s: %s"),
  INTERNAL_ERROR(
      "internal-error",
      "paramcheck failed on %s; this is a bug in paramcheck, please report it with this trace:%n%s");

  /** How bad a problem is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  private final String tag;
  private final String format;

  Message(String tag, String format) {
    this.tag = tag;
    this.format = format;
  }

  /** The stable tag, such as {@code over-budget}. */
  public String tag() {
    return tag;
  }

  /** Whether this is a budget violation, which users may turn into a warning. */
  public boolean isBudget() {
    return tag.equals("over-budget");
  }

  /** The message text with the tag: {@code [paramcheck:tag] ...}. */
  public String format(Object... args) {
    return "[paramcheck:" + tag + "] " + String.format(Locale.ROOT, format, args);
  }
}
