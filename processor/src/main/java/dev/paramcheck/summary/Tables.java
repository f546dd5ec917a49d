package dev.paramcheck.summary;

import dev.paramcheck.model.LayerSummary;
import dev.paramcheck.model.ModelSummary;
import dev.paramcheck.model.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The table a summary's {@code table()} returns: Keras's {@code model.summary()}, or torchinfo's. */
public final class Tables {
  /** torch 1.13's {@code sys.getsizeof} of a tensor's storage beyond its data (docs/torchinfo-format.md). */
  static final long STORAGE_OVERHEAD = 56;

  private Tables() {}

  /**
   * The table in the model's convention; {@code width} is Keras's line length, or 0 for Keras's
   * default in a terminal (88, or 108 for a functional model's four columns).
   */
  public static String render(ModelSummary summary, int width) {
    return switch (summary.convention()) {
      case KERAS -> summary.functional().isPresent()
          ? FunctionalTable.render(summary, width)
          : SummaryTable.render(summary, width == 0 ? SummaryTable.DEFAULT_WIDTH : width);
      case PYTORCH -> torchinfo(summary);
    };
  }

  /**
   * torchinfo's {@code summary(model, input_size=(1, ...))} of the {@code torch.nn} modules, with
   * the output shapes, mult-adds and sizes when the input's length is known (batch 1), and its
   * no-input layout otherwise. Mult-adds are paramcheck's MACs: torchinfo would add an
   * Embedding's lookup as {@code inputDim * outputDim}, which paramcheck counts as 0.
   */
  static String torchinfo(ModelSummary summary) {
    List<TorchinfoTable.Row> rows = new ArrayList<>(summary.layers().size());
    boolean concrete = summary.macs().isPresent();
    for (LayerSummary layer : summary.layers()) {
      if (layer.type().isEmpty()) {
        continue; // a merge, reshape or function: no torch.nn module
      }
      List<Long> shape = torchShape(layer.output());
      concrete &= shape != null;
      rows.add(new TorchinfoTable.Row(layer.type(), shape, layer.params(), layer.trainable() > 0));
    }
    Optional<TorchinfoTable.Sizes> sizes = Optional.empty();
    if (concrete && !summary.layers().isEmpty()) {
      try {
        sizes = Optional.of(sizes(summary));
      } catch (ArithmeticException tooLarge) {
        rows.replaceAll(r -> new TorchinfoTable.Row(r.module(), null, r.params(), r.trainable()));
      }
    }
    if (sizes.isEmpty()) {
      rows.replaceAll(r -> new TorchinfoTable.Row(r.module(), null, r.params(), r.trainable()));
    }
    return TorchinfoTable.render(summary.name(), rows, summary.totalParams(), summary.trainableParams(), sizes);
  }

  private static TorchinfoTable.Sizes sizes(ModelSummary summary) {
    LayerSummary first = summary.layers().get(0);
    long inputElements = elements(first.input());
    // an Embedding takes int64 token ids; any other first layer takes values at its precision
    long inputBytes = first.kerasClass().equals("Embedding")
        ? Math.multiplyExact(inputElements, 8)
        : Math.multiplyExact(inputElements, first.dtype().bits() / 8);
    long forwardBackward = 0;
    for (LayerSummary layer : summary.layers()) {
      if (layer.params() > 0) { // torchinfo counts outputs of layers with parameters, x2 for gradients
        long output = Math.multiplyExact(elements(layer.output()), layer.dtype().bits() / 8);
        forwardBackward = Math.addExact(forwardBackward, Math.multiplyExact(2, output));
      }
    }
    return new TorchinfoTable.Sizes(
        summary.macs().getAsLong(), Math.addExact(inputBytes, STORAGE_OVERHEAD), forwardBackward, summary.totalBytes());
  }

  /** {@code [1, T, F]}, {@code [1, F]} or any other rank with batch 1; null when a size is unknown. */
  private static List<Long> torchShape(Shape shape) {
    if (shape.elements().isEmpty()) {
      return null;
    }
    List<Long> dims = new ArrayList<>(shape.rank() + 1);
    dims.add(1L);
    dims.addAll(shape.dims());
    return dims;
  }

  private static long elements(Shape shape) {
    return shape.elements().orElseThrow();
  }
}
