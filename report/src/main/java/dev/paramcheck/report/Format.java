package dev.paramcheck.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers as the reports show them, the same in every locale. */
final class Format {
  private Format() {}

  /** {@code 164106} as {@code 164,106}; {@code null} as an em dash. */
  static String count(Long n) {
    return n == null ? "\u2014" : String.format(Locale.ROOT, "%,d", n);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A signed difference: {@code +20}, {@code -3}, {@code 0}. */
  static String signed(long n) {
    return n > 0 ? "+" + count(n) : n < 0 ? "-" + count(-n) : "0";
  }

  /** {@code 0.1789} as {@code 17.9%}. */
  static String percent(double fraction) {
    if (Double.isInfinite(fraction) || Double.isNaN(fraction)) {
      return "\u2014";
    }
    return BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.HALF_UP).toPlainString()
        + "%";
  }

  /** A growth in percent, signed: {@code +16.7%}, {@code -2.0%}, {@code +0.0012%}. */
  static String growth(BigDecimal percent) {
    if (percent == null) {
      return "new";
    }
    BigDecimal r = percent.setScale(1, RoundingMode.HALF_UP);
    if (percent.abs().compareTo(new BigDecimal("0.1")) < 0 && percent.signum() != 0) {
      r = percent.round(new java.math.MathContext(2, RoundingMode.HALF_UP));
    }
    return (r.signum() > 0 ? "+" : "") + r.toPlainString() + "%";
  }

  /** A width for CSS, {@code 0} to {@code 100}, at most two decimals. */
  static String cssPercent(double fraction) {
    double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
    return BigDecimal.valueOf(f * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString() + "%";
  }

  /** What a budget kind counts, for "200,000 params". */
  static String unit(String kind) {
    switch (kind) {
      case "PARAMS":
        return "params";
      case "TRAINABLE_PARAMS":
        return "trainable params";
      case "BYTES":
        return "bytes";
      case "MACS":
        return "MACs";
      default:
        return kind;
    }
  }
}
