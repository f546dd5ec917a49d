package dev.paramcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest size the weights may take at their {@link Precision}, inclusive. On a model class it
 * bounds the model's total, on a layer field that layer, on a package ({@code package-info.java})
 * every model of the package that has no size budget of its own.
 *
 * <p>{@code @SizeBudget(max = "2 MiB")} allows 2,097,152 bytes: 524,288 float32 parameters, or
 * 1,048,576 at float16.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PACKAGE})
public @interface SizeBudget {
  /**
   * {@return the size, a number and a unit: {@code B}; {@code KiB}, {@code MiB}, {@code GiB}
   * (1024-based); {@code kB}, {@code MB}, {@code GB} (1000-based)} {@code "2 MiB"}, {@code "1.5
   * MB"}, {@code "640 B"}. The number of bytes must be whole. {@code KB} is refused as ambiguous:
   * Keras prints 1024-based sizes as "KB", so write {@code KiB} for those.
   */
  String max();
}
