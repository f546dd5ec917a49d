package dev.paramcheck.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the sizes users write in {@code @SizeBudget}: exact and strict. */
public final class Sizes {
  /** The accepted units, case-sensitive, and their bytes. */
  static final Map<String, Long> UNITS = Map.of(
      "B", 1L,
      "KiB", 1L << 10, "MiB", 1L << 20, "GiB", 1L << 30,
      "kB", 1_000L, "MB", 1_000_000L, "GB", 1_000_000_000L);

  /** What the messages list. */
  public static final String ACCEPTED =
      "a number and a unit: B, KiB, MiB, GiB (1024-based) or kB, MB, GB (1000-based), such as \"2 MiB\","
          + " \"1.5 MB\" or \"640 B\"";

  private static final Pattern SIZE = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]+)\\s*");

  /** A size, or why the text is not one. */
  public sealed interface Parsed {
    record Bytes(long bytes) implements Parsed {}

    record Invalid(String why) implements Parsed {}
  }

  private Sizes() {}

  public static Parsed parse(String text) {
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      return new Parsed.Invalid("");
    }
    String unit = m.group(2);
    Long factor = UNITS.get(unit);
    if (factor == null) {
      return new Parsed.Invalid(unit.equalsIgnoreCase("kb") || unit.equalsIgnoreCase("k")
          ? " (" + unit + " is ambiguous: Keras prints 1024-based sizes as \"KB\"; write KiB for 1,024"
              + " bytes or kB for 1,000)"
          : " (units are case-sensitive)");
    }
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor));
    if (bytes.signum() == 0) {
      return new Parsed.Invalid(" (it must be at least 1 B)");
    }
    if (bytes.stripTrailingZeros().scale() > 0) {
      return new Parsed.Invalid(" (that is not a whole number of bytes)");
    }
    BigInteger whole = bytes.toBigIntegerExact();
    if (whole.bitLength() > 63) {
      return new Parsed.Invalid(" (that is more than Long.MAX_VALUE bytes)");
    }
    return new Parsed.Bytes(whole.longValueExact());
  }
}
