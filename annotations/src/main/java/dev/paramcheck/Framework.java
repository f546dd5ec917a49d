package dev.paramcheck;

/** Whose rules count a model's parameters and lay out its table. */
public enum Framework {
  /** Keras 3: {@code model.count_params()} and {@code model.summary()}. The default. */
  KERAS,
  /**
   * PyTorch: {@code sum(p.numel() for p in model.parameters())} of the equivalent {@code torch.nn}
   * modules, and torchinfo's {@code summary()} table.
   */
  PYTORCH
}
