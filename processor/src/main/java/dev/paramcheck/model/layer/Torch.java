package dev.paramcheck.model.layer;

import dev.paramcheck.model.Weight;
import java.util.List;

/**
 * A layer under the PyTorch convention: the {@code torch.nn} module it is and its {@code
 * named_parameters()}, or why PyTorch cannot express it.
 */
public sealed interface Torch {
  /**
   * @param module the {@code torch.nn} class, such as {@code LSTM}
   * @param parameters in {@code named_parameters()} order, named as PyTorch names them in UPPER_SNAKE
   *     ({@code WEIGHT_IH_L0}); trainable as {@code requires_grad}
   */
  record Module(String module, List<Weight> parameters) implements Torch {}

  /**
   * A layer that is no {@code torch.nn} module: a merge, a reshape or a function applied in {@code
   * forward()}. It has no parameters and no row in torchinfo's table.
   */
  record NoModule() implements Torch {}

  /** A Keras option PyTorch has no equivalent for. */
  record Inexpressible(Refusal refusal) implements Torch {}

  static Torch module(String module, Weight... parameters) {
    return new Module(module, List.of(parameters));
  }
}
