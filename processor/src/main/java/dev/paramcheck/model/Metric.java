package dev.paramcheck.model;

import java.util.OptionalLong;

/** What a budget bounds. */
public enum Metric {
  /** The parameter count: {@code @ParamBudget}. */
  PARAMS,
  /** The trainable parameters: {@code @ParamBudget(trainableOnly = true)}. */
  TRAINABLE_PARAMS,
  /** The weights' size at their precision: {@code @SizeBudget}. */
  BYTES,
  /** Multiply-accumulates per input sample: {@code @MacBudget}. */
  MACS;

  /** This metric of a layer; empty for MACs of unknown length. */
  public OptionalLong of(LayerSummary layer) {
    return switch (this) {
      case PARAMS -> OptionalLong.of(layer.params());
      case TRAINABLE_PARAMS -> OptionalLong.of(layer.trainable());
      case BYTES -> OptionalLong.of(layer.bytes());
      case MACS -> layer.macs();
    };
  }

  /** This metric of a model; empty for MACs of unknown length. */
  public OptionalLong of(ModelSummary model) {
    return switch (this) {
      case PARAMS -> OptionalLong.of(model.totalParams());
      case TRAINABLE_PARAMS -> OptionalLong.of(model.trainableParams());
      case BYTES -> OptionalLong.of(model.totalBytes());
      case MACS -> model.macs();
    };
  }

  /** A value of this metric as messages print it: {@code 164,106} or {@code 656,424 bytes (641.04 KiB)}. */
  public String format(long value) {
    return this == BYTES ? Numbers.bytes(value) : Numbers.grouped(value);
  }
}
