package dev.paramcheck.model;

import java.util.Locale;

/**
 * Every diagnostic paramcheck prints: the whole user interface of errors in one place. Each has a
 * stable tag, printed as {@code [paramcheck:tag]} so that teams can search for it, and a {@link
 * Kind} that says how it is reported.
 */
public enum Message {
  // ------------------------------------------------------------------ placement
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
  TIME_DISTRIBUTED_WITHOUT_LAYER(
      "time-distributed-without-layer",
      "@TimeDistributed on %s wraps nothing: put it beside @Dense on the same %s, or remove it"),
  TIME_DISTRIBUTED_NOT_DENSE(
      "time-distributed-not-dense",
      "@TimeDistributed cannot wrap %s: paramcheck applies only @Dense to every time step; remove"
          + " @TimeDistributed"),
  BUDGET_WITHOUT_LAYER(
      "budget-without-layer",
      "@%s on field '%s' bounds a layer, but the field has no layer annotation: add one (%s), or"
          + " move @%s to the class to bound the model"),
  PRECISION_WITHOUT_LAYER(
      "precision-without-layer",
      "@Precision on field '%s' sets a layer's precision, but the field has no layer annotation: add"
          + " one, or move @Precision to the class to set the model's"),
  NO_LAYERS(
      "no-layers",
      "model %s has @%s but no layers: annotate the class (one layer) or its fields (one"
          + " layer each, in order) with a layer annotation such as @Lstm or @Dense"),

  // ------------------------------------------------------------------ values
  INVALID_VALUE("invalid-value", "%s = %s on %s: %s must be at least 1%s"),
  RATE_OUT_OF_RANGE(
      "invalid-value",
      "rate = %s on %s: rate must be from 0 to 1, the fraction of units dropped, as Keras accepts"),
  INVALID_SIZE(
      "invalid-size",
      "max = \"%s\" on @SizeBudget of %s is not a size%s: write %s"),
  STDDEV_OUT_OF_RANGE(
      "invalid-value",
      "stddev = %s on %s: stddev must be from 0 to 1, the noise's standard deviation, as Keras"
          + " accepts"),
  UNKNOWN_ACTIVATION(
      "unknown-activation",
      "value = \"%s\" on %s is not a Keras activation: use one of %s"),
  CAUSAL_POOLING(
      "causal-pooling",
      "padding = CAUSAL on %s: Keras pools with VALID or SAME padding only; use one of those"),
  FILTERS_NOT_DIVISIBLE(
      "groups-mismatch",
      "groups = %d on %s does not divide filters = %d: Keras splits the filters into groups; use"
          + " a divisor of %d"),
  STRIDES_WITH_DILATION(
      "strides-with-dilation",
      "strides = %d with dilationRate = %d on %s: Keras does not support strides > 1 together with"
          + " dilationRate > 1; set one of them to 1"),

  // ------------------------------------------------------------------ shapes
  MISSING_FEATURES(
      "missing-features",
      "%s is the first layer, so no layer before it gives its input size: add features = <size of"
          + " the input's last axis> to @%s"),
  NOT_AN_INPUT_LAYER(
      "not-an-input-layer",
      "%s is the first layer, but it cannot take the model's input: start the model with %s,"
          + " which declare the input with features (and timesteps), or declare the input with an"
          + " @Input field before it"),
  FEATURES_MISMATCH(
      "features-mismatch",
      "features = %s on %s, but %s before it outputs %s features %s%s: remove features to infer it,"
          + " or set it to %s"),
  TIMESTEPS_MISMATCH(
      "timesteps-mismatch",
      "timesteps = %s on %s, but %s before it outputs %s: %s"),
  EMBEDDING_NOT_FIRST(
      "embedding-not-first",
      "%s is layer %d, after %s: an Embedding takes integer token ids, so it can only be the first"
          + " layer; move it to the first layer field"),
  NEEDS_SEQUENCE(
      "needs-sequence", "%s needs an input with a time axis, but %s outputs %s: %s"),
  NEEDS_VECTOR(
      "needs-vector", "%s needs a plain vector, but %s before it outputs %s: %s"),
  UNKNOWN_LENGTH(
      "unknown-length",
      "%s flattens the sequence %s from %s, whose length is unknown: set timesteps on the first"
          + " layer, %s"),
  WINDOW_TOO_LONG(
      "window-too-long",
      "%s: %s needs %d timesteps, but it gets %d from %s, so the output would be empty; use a"
          + " smaller %s, padding SAME, or a longer input"),
  GROUPS_MISMATCH(
      "groups-mismatch",
      "groups = %d on %s does not divide the %d input features that %s outputs: use a divisor of"
          + " %d, or change the features"),

  NOT_IN_PYTORCH(
      "not-in-pytorch",
      "%s: %s has no PyTorch equivalent (%s), so the model cannot be counted under the PyTorch"
          + " convention; %s, or count the model under the Keras convention"),

  // ------------------------------------------------------------------ counts and budgets
  COUNT_OVERFLOW(
      "overflow",
      "%s has more than 9,223,372,036,854,775,807 parameters (Long.MAX_VALUE) with %s: make it"
          + " smaller"),
  SHAPE_OVERFLOW(
      "overflow",
      "%s outputs more than 9,223,372,036,854,775,807 features (Long.MAX_VALUE) from %s: make it"
          + " smaller"),
  TOTAL_OVERFLOW(
      "overflow",
      "model %s has more than 9,223,372,036,854,775,807 %s in total (Long.MAX_VALUE); largest"
          + " layers: %s. Make them smaller"),
  METRIC_OVERFLOW(
      "overflow",
      "%s has more than 9,223,372,036,854,775,807 %s (Long.MAX_VALUE) with %s: %s"),
  MACS_UNKNOWN(
      "macs-unknown",
      "@MacBudget on %s needs the length of the input to count multiply-accumulates, but %s: set"
          + " timesteps on the first layer (%s)"),
  MODEL_OVER_BUDGET(
      Kind.BUDGET,
      "over-budget",
      "model %s has %s parameters, %s over its budget of %s. Largest layers: %s. Raise max or"
          + " make those layers smaller"),
  LAYER_OVER_BUDGET(
      Kind.BUDGET,
      "over-budget",
      "%s has %s parameters (%s), %s over its budget of %s. Raise max or make the layer smaller"),
  MODEL_OVER_TRAINABLE_BUDGET(
      Kind.BUDGET,
      "over-budget",
      "model %s has %s trainable parameters, %s over its budget of %s (trainableOnly = true). Largest"
          + " trainable layers: %s. Raise max, freeze layers (trainable = false) or make them smaller"),
  LAYER_OVER_TRAINABLE_BUDGET(
      Kind.BUDGET,
      "over-budget",
      "%s has %s trainable parameters, %s over its budget of %s (trainableOnly = true). Raise max,"
          + " freeze the layer (trainable = false) or make it smaller"),
  MODEL_OVER_SIZE_BUDGET(
      Kind.BUDGET,
      "over-budget",
      "model %s takes %s at its precision, %s over its size budget of %s. Largest layers: %s. Raise"
          + " max, lower the precision (@Precision) or make those layers smaller"),
  LAYER_OVER_SIZE_BUDGET(
      Kind.BUDGET,
      "over-budget",
      "%s takes %s at %s, %s over its size budget of %s. Raise max, lower its precision"
          + " (@Precision) or make the layer smaller"),
  MODEL_OVER_MAC_BUDGET(
      Kind.BUDGET,
      "over-budget",
      "model %s costs %s multiply-accumulates per sample, %s over its budget of %s. Largest layers:"
          + " %s. Raise max, shorten the input or make those layers smaller"),
  LAYER_OVER_MAC_BUDGET(
      Kind.BUDGET,
      "over-budget",
      "%s costs %s multiply-accumulates per sample, %s over its budget of %s. Raise max, shorten the"
          + " input or make the layer smaller"),
  TRAINABLE_BUDGET_ALWAYS_MET(
      Kind.WARNING,
      "trainable-budget-always-met",
      "@ParamBudget(trainableOnly = true) on %s is always met: %s frozen (trainable = false), so it"
          + " has no trainable parameters to bound. To bound its size, remove trainableOnly (the"
          + " budget then counts every parameter), or remove the budget"),

  // ------------------------------------------------------------------ generated code
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
      Kind.NOTE,
      "breakdown-left-out",
      "%s has %d layers: its summary holds each layer's count but not their breakdown (kernel,"
          + " recurrent kernel, bias), which would not fit in one class file"),
  WRITE_FAILED("write-failed", "cannot write %s: %s"),

  // ------------------------------------------------------------------ functional models
  FROM_WITHOUT_INPUT(
      "from-without-input",
      "@From on field '%s' connects layers, which needs a functional model: declare its inputs with"
          + " @Input fields (for example @Input(features = 8) Object inputs;) before the layers"),
  FROM_WITHOUT_LAYER(
      "from-without-layer",
      "@From on field '%s' names the inputs of a layer, but the field has no layer annotation: add"
          + " one (%s), or remove @From"),
  FROM_ON_INPUT(
      "from-on-input",
      "@From on field '%s': an @Input is where data enters the model and takes nothing; remove @From,"
          + " or use a layer"),
  FROM_UNKNOWN(
      "from-unknown",
      "@From(%s = \"%s\") on field '%s': %s; name a field of %s declared with a layer or @Input"
          + " (%s)"),
  FROM_BAD_REFERENCE(
      "from-unknown",
      "@From(%s = \"%s\") on field '%s' is not a field reference: write the field's name, or"
          + " name[i] for its tensor i, such as \"encoder[1]\""),
  FROM_INDEX(
      "from-index",
      "@From(%s = \"%s\") on field '%s': %s has %d output tensor(s) (%s), so the index must be from"
          + " 0 to %d%s"),
  FROM_CYCLE(
      "from-cycle",
      "@From(%s = \"%s\") on field '%s' closes a cycle: %s; a model's layers must form a graph"
          + " from the inputs to the outputs, so take this input from an earlier layer"),
  FROM_SELF(
      "from-cycle",
      "@From(%s = \"%s\") on field '%s' takes the layer's own output: take the output of another"
          + " field"),
  NOTHING_BEFORE(
      "no-input",
      "field '%s' takes the previous field's output, but it is the model's first field: declare"
          + " @Input before it, or name its inputs with @From"),
  INPUT_UNUSED(
      "input-unused",
      "@Input field '%s' is not used by any layer: connect it with @From on the layer that takes it,"
          + " or remove it (Keras refuses a model input that no output depends on)"),
  INPUT_SHAPE(
      "invalid-value",
      "@Input on field '%s': %s"),
  BAD_VALUE(
      "invalid-value",
      "%s: %s"),
  TOO_MANY_INPUTS(
      "input-count",
      "%s takes one input, but @From names %d (%s): take one, or merge them first with"
          + " @Concatenate, @Add or another merge layer"),
  MERGE_INPUT_COUNT(
      "input-count",
      "%s takes %s, but it gets %d (%s): name them in @From, in the order of the Keras call"),
  MERGE_SHAPES(
      "merge-shapes",
      "%s cannot merge %s: %s"),
  ATTENTION_NOT_A_SEQUENCE(
      "attention-shapes",
      "%s attends over sequences, but its %s is %s: take a sequence (None, T, features), or add"
          + " @RepeatVector or @Reshape before it"),
  ATTENTION_RANKS(
      "attention-shapes",
      "%s cannot attend: its %s is %s, of another rank than the query %s; Keras projects all of them"
          + " with the query's rank, so give them the same number of axes"),
  ATTENTION_UNKNOWN_FEATURES(
      "unknown-features",
      "%s needs a known last axis on its %s to size its weights, but it is %s: declare the size in"
          + " @Input's shape"),
  ATTENTION_KEY_VALUE(
      "attention-shapes",
      "%s cannot attend: Keras's \"All dimensions of `value` and `key`, except the last one, must be"
          + " equal\", but the value is %s and the key %s; give the key the value's length (one key"
          + " per value)"),
  ATTENTION_WIDTHS(
      "attention-shapes",
      "%s cannot score a query of width %d against a key of width %d (query %s, key %s): Keras builds"
          + " the layer but the model fails when it runs; project them to the same width first, for"
          + " example with @Dense(units = %d) on the query"),
  ATTENTION_DROPOUT(
      "invalid-value",
      "dropout = %s on %s: dropout must be from 0 to 1, the fraction of attention scores dropped, as"
          + " Keras's Dropout accepts"),
  HUB_HEAD_DIM(
      "invalid-value",
      "numHeads on %s: keras_hub's \"Attention `%s` computed cannot be zero\": the input's width %d is"
          + " less than numHeads = %d, so each head would have no features (input %s); use at most %d"
          + " heads"),
  SEQUENCE_TOO_LONG(
      "sequence-too-long",
      "sequenceLength = %d on %s, but its input %s has %d positions: keras_hub embeds at most"
          + " sequenceLength positions and the model fails when it runs; make sequenceLength at least %d"),
  HUB_TOKEN_IDS(
      "token-ids",
      "%s takes token ids (None, T), but it gets %s from %s: take an @Input(shape = {T}, dtype ="
          + " \"int32\")"),
  BLOCK_CYCLE(
      "block-cycle",
      "@Block(%s.class) on field '%s' uses a block that uses this model: %s; a block cannot contain"
          + " itself, directly or through other blocks"),
  BLOCK_NOT_A_MODEL(
      "block-not-a-model",
      "@Block on field '%s' names %s, which declares no layers: name a class annotated with @Input and"
          + " paramcheck's layer annotations"),
  BLOCK_INVALID(
      "block-invalid",
      "%s uses block %s, which cannot be counted%s: %s; fix it in %s"),
  BLOCK_INPUT(
      "block-input",
      "%s gets %s, but block %s takes %s (its @Input): give it a tensor of that shape"),
  BLOCK_INPUT_SHAPE(
      "block-input",
      "%s gets %s for input '%s' (tensor %d of @From), but block %s's @Input '%s' takes %s: give it a"
          + " tensor of that shape; @From names one tensor per @Input, in declaration order"),
  BLOCK_CALL(
      "block-input",
      "%s: block %s cannot be called on %s: %s"),
  BLOCK_INPUT_COUNT(
      "block-input-count",
      "%s takes %d tensor%s, one per @Input of block %s (%s), but it gets %d: %s; name one tensor per"
          + " input in @From, in that order"),
  NO_INITIAL_STATE(
      "initial-state",
      "@From(initialState = ...) on field '%s': %s takes no initial state; only @SimpleRnn, @Lstm and"
          + " @Gru (and @Bidirectional around them) do"),
  INITIAL_STATE_COUNT(
      "initial-state",
      "@From(initialState = ...) on field '%s' passes %d state(s), but %s takes %d (%s): pass exactly"
          + " those, in that order"),
  INITIAL_STATE_SHAPE(
      "initial-state",
      "@From(initialState = \"%s\") on field '%s' is %s, but %s needs %s for this state (%s): take a"
          + " state of %d units, or set units = %d"),
  NOT_A_SEQUENCE_RANK(
      "needs-sequence",
      "%s needs a sequence (None, timesteps, features), but %s outputs %s: %s"),
  UNKNOWN_LAST_AXIS(
      "unknown-features",
      "%s needs a known last axis to size its weights, but %s outputs %s: declare the size in @Input's"
          + " shape"),
  RESHAPE_INVALID(
      "reshape",
      "%s cannot reshape %s into %s: %s"),
  PERMUTE_INVALID(
      "permute",
      "dims = %s on %s is not a permutation of 1..%d for its input %s: list each axis from 1 to %d"
          + " once"),
  IMAGE_NEEDED(
      "needs-image",
      "%s needs an image (None, height, width, channels), but %s outputs %s: start from"
          + " @Input(shape = {height, width, channels})"),
  WINDOW_TOO_LARGE(
      "window-too-large",
      "%s on %s leaves no output: %s; make it smaller, or use padding = SAME"),
  TEXT_VECTORIZATION_INPUT(
      "text-input",
      "%s takes strings, but %s outputs %s: take an @Input(shape = {1}, dtype = \"string\")"),
  VOCABULARY_TOO_SMALL(
      Kind.WARNING,
      "vocabulary",
      "inputDim = %d on %s is smaller than maxTokens = %d of %s: token ids up to %d would be out of"
          + " range; set inputDim = %d"),

  // ------------------------------------------------------------------ options and the processor
  INVALID_BUDGET_OPTION(
      "invalid-option",
      "-A%s=%s is not a valid value: use error (the default: an exceeded budget fails the build) or"
          + " warning (it is reported and the build goes on)"),
  INVALID_CONVENTION_OPTION(
      "invalid-option",
      "-A%s=%s is not a valid value: use keras (the default) or pytorch"),
  INVALID_RECORDS_OPTION(
      "invalid-option",
      "-A%s=%s is not a valid value: use true (the default: a record per model, which paramcheck's"
          + " reports read) or false (no records: one file less per model)"),
  INVALID_WIDTH_OPTION(
      "invalid-option",
      "-A%s=%s is not a valid value: use a whole number from %d to %d (Keras prints %d in a"
          + " terminal, 76 in a notebook)"),
  INTERNAL_ERROR(
      "internal-error",
      "paramcheck failed on %s; this is a bug in paramcheck, please report it with this trace:%n%s");

  /** How a message is reported. */
  public enum Kind {
    /** An error: the model is wrong, the build fails. */
    ERROR,
    /** An exceeded budget: an error, or a warning with {@code -Aparamcheck.budget=warning}. */
    BUDGET,
    /**
     * A warning: the model counts, but something in it is likely a mistake, or does not do what it
     * seems to.
     */
    WARNING,
    /** Information, never a warning that {@code -Werror} would fail on. */
    NOTE
  }

  private final Kind kind;
  private final String tag;
  private final String format;

  Message(String tag, String format) {
    this(Kind.ERROR, tag, format);
  }

  Message(Kind kind, String tag, String format) {
    this.kind = kind;
    this.tag = tag;
    this.format = format;
  }

  /** The stable tag, such as {@code over-budget}. */
  public String tag() {
    return tag;
  }

  public Kind kind() {
    return kind;
  }

  /** The message text with the tag: {@code [paramcheck:tag] ...}. */
  public String format(Object... args) {
    return "[paramcheck:" + tag + "] " + String.format(Locale.ROOT, format, args);
  }
}
