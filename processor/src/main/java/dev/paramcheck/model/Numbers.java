package dev.paramcheck.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as Keras prints them. */
public final class Numbers {
  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

  private Numbers() {}

  /** {@code 164106} to {@code 164,106}, as Python's {@code f"{n:,}"}. */
  public static String grouped(long n) {
    String digits = Long.toString(n);
    int sign = n < 0 ? 1 : 0;
    int length = digits.length() - sign;
    if (length <= 3) {
      return digits;
    }
    StringBuilder out = new StringBuilder(digits.length() + length / 3);
    out.append(digits, 0, sign);
    int first = length % 3 == 0 ? 3 : length % 3;
    out.append(digits, sign, sign + first);
    for (int i = sign + first; i < digits.length(); i += 3) {
      out.append(',').append(digits, i, i + 3);
    }
    return out.toString();
  }

  /**
   * A size in bytes as Keras's {@code readable_memory_size} prints it: 1024-based units named B,
   * KB, MB, ..., two decimals ({@code 656424} to {@code 641.04 KB}).
   */
  public static String kerasSize(long bytes) {
    // Python divides the exact integer by 1024 in floating point; dividing a double by a power of
    // two is exact, so converting once and dividing gives the same values.
    double size = bytes;
    for (String unit : UNITS) {
      if (size / 1024 < 1) {
        return twoDecimals(size) + " " + unit;
      }
      size /= 1024;
    }
    return twoDecimals(size) + " " + UNITS[UNITS.length - 1];
  }

  /** An exact size for messages: {@code 656,424 bytes (641.04 KiB)}, with the unit's real name. */
  public static String bytes(long bytes) {
    String readable = kerasSize(bytes);
    return grouped(bytes) + " bytes" + (bytes < 1024 ? "" : " (" + readable.replace("B", "iB") + ")");
  }

  /**
   * Python's {@code "{:.2f}".format(x)}: the exact binary value, rounded half to even ({@code 0.125}
   * to {@code 0.12}, {@code 2.675} to {@code 2.67}), no grouping.
   */
  public static String twoDecimals(double x) {
    return new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
