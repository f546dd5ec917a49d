package dev.paramcheck.report.artifact;

import java.util.List;

/**
 * One weight tensor of a model file, as its header or graph describes it; its bytes are never
 * read.
 *
 * @param name the name in the file ({@code encoder.weight_ih_l0}, {@code onnx::LSTM_123},
 *     {@code layers/lstm/cell/vars/0})
 * @param role what the tensor is to its layer, in the file's convention: {@code kernel},
 *     {@code recurrent_kernel}, {@code bias}, {@code forward/kernel} (Keras); {@code weight},
 *     {@code weight_ih_l0}, {@code bias_hh_l0_reverse}, {@code running_mean} (PyTorch);
 *     {@code W}, {@code R}, {@code B} (ONNX's recurrent operators)
 * @param label how messages show it: {@code LSTM W}, {@code encoder.weight_ih_l0}
 * @param shape the dimensions, outermost first
 * @param dtype the element type as paramcheck names precisions ({@code FLOAT32}, {@code FLOAT16},
 *     {@code BFLOAT16}, {@code FLOAT64}) or the file's own name for anything else ({@code INT64})
 * @param buffer whether the tensor is a buffer rather than a parameter under the file's convention
 *     (PyTorch's {@code running_mean}; Keras keeps moving statistics as non-trainable weights)
 */
public record Tensor(String name, String role, String label, List<Long> shape, String dtype,
    boolean buffer) {
  public Tensor {
    shape = List.copyOf(shape);
  }

  /** The number of elements; saturates at {@code Long.MAX_VALUE} instead of wrapping. */
  public long count() {
    long n = 1;
    for (long d : shape) {
      try {
        n = Math.multiplyExact(n, d);
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }
    return n;
  }

  /** Bytes per element of a floating-point dtype, 0 for another. */
  public int elementBytes() {
    return switch (dtype) {
      case "FLOAT64" -> 8;
      case "FLOAT32" -> 4;
      case "FLOAT16", "BFLOAT16" -> 2;
      default -> 0;
    };
  }

  /** {@code [1, 512, 32]}. */
  public String shapeText() {
    return shape.toString();
  }

  /** {@code LSTM W [1, 512, 32]}. */
  public String describe() {
    return label + " " + shapeText();
  }

  public Tensor withRole(String newRole, String newLabel) {
    return new Tensor(name, newRole, newLabel, shape, dtype, buffer);
  }
}
