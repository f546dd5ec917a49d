package dev.paramcheck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The shape of a tensor without the batch axis, as Keras prints it with {@code None} first: a
 * vector {@code (None, f)}, a sequence {@code (None, T, f)} whose length {@code T} is known when the
 * model declares it, an image {@code (None, h, w, c)}, or any other rank a functional model
 * produces. A size of {@link #UNKNOWN} prints as {@code None}.
 *
 * @param dims the sizes, without the batch axis; {@link #UNKNOWN} for an unknown size
 */
public record Shape(List<Long> dims) {
  /** An unknown size, Keras's {@code None}. */
  public static final long UNKNOWN = -1;

  public Shape {
    dims = List.copyOf(dims);
    for (long d : dims) {
      if (d < UNKNOWN) {
        throw new IllegalArgumentException("a size is " + d);
      }
    }
  }

  /** A shape of these sizes ({@link #UNKNOWN} for {@code None}). */
  public static Shape of(long... sizes) {
    List<Long> dims = new ArrayList<>(sizes.length);
    for (long s : sizes) {
      dims.add(s);
    }
    return new Shape(dims);
  }

  /** A shape of these sizes, each negative one unknown. */
  public static Shape ofDeclared(List<Integer> sizes) {
    return new Shape(sizes.stream().map(s -> s < 0 ? UNKNOWN : (long) s).collect(Collectors.toList()));
  }

  public static Shape vector(long features) {
    return of(features);
  }

  public static Shape sequence(OptionalLong timesteps, long features) {
    return of(timesteps.orElse(UNKNOWN), features);
  }

  public int rank() {
    return dims.size();
  }

  /** The size of axis {@code i} (from 0, without the batch axis), or {@link #UNKNOWN}. */
  public long dim(int i) {
    return dims.get(i);
  }

  /** Whether this is a sequence {@code (None, T, f)}: a time axis and features. */
  public boolean sequence() {
    return dims.size() == 2;
  }

  /** Whether this is a plain vector {@code (None, f)}. */
  public boolean vector() {
    return dims.size() == 1;
  }

  /** The time axis's length, when this is a sequence and the length is known. */
  public OptionalLong timesteps() {
    return dims.size() >= 2 && dims.get(0) != UNKNOWN ? OptionalLong.of(dims.get(0)) : OptionalLong.empty();
  }

  /** The size of the last axis ({@link #UNKNOWN} when unknown); 1 for a scalar. */
  public long features() {
    return dims.isEmpty() ? 1 : dims.get(dims.size() - 1);
  }

  /** The same shape with another last axis. */
  public Shape withFeatures(long newFeatures) {
    List<Long> d = new ArrayList<>(dims);
    if (d.isEmpty()) {
      d.add(newFeatures);
    } else {
      d.set(d.size() - 1, newFeatures);
    }
    return new Shape(d);
  }

  /** This shape with one more axis at the end. */
  public Shape append(long size) {
    List<Long> d = new ArrayList<>(dims);
    d.add(size);
    return new Shape(d);
  }

  /**
   * How many positions a layer on the last axis is applied at: the length of a sequence, 1 for a
   * vector, the product of all but the last axis otherwise; empty when one of them is unknown.
   */
  public OptionalLong positions() {
    long n = 1;
    for (int i = 0; i < dims.size() - 1; i++) {
      if (dims.get(i) == UNKNOWN) {
        return OptionalLong.empty();
      }
      n = Math.multiplyExact(n, dims.get(i));
    }
    return OptionalLong.of(n);
  }

  /** The number of elements of one sample, when every size is known. */
  public OptionalLong elements() {
    long n = 1;
    for (long d : dims) {
      if (d == UNKNOWN) {
        return OptionalLong.empty();
      }
      n = Math.multiplyExact(n, d);
    }
    return OptionalLong.of(n);
  }

  /** As Keras prints it, with {@code None} for the batch and for an unknown size. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("(None");
    for (long d : dims) {
      out.append(", ").append(d == UNKNOWN ? "None" : Long.toString(d));
    }
    return out.append(')').toString();
  }
}
