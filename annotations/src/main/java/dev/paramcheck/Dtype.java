package dev.paramcheck;

/** The type a layer's weights are stored in, as a Keras layer's {@code dtype=}. */
public enum Dtype {
  /** 64-bit floating point: 8 bytes per parameter. */
  FLOAT64(64),
  /** 32-bit floating point, Keras's default: 4 bytes per parameter. */
  FLOAT32(32),
  /** 16-bit floating point: 2 bytes per parameter. */
  FLOAT16(16),
  /** bfloat16: 2 bytes per parameter. */
  BFLOAT16(16);

  private final int bits;

  Dtype(int bits) {
    this.bits = bits;
  }

  /** {@return the size of one parameter in bits, as Keras's {@code dtype_utils.dtype_size}} */
  public int bits() {
    return bits;
  }
}
