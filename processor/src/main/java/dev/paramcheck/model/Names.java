package dev.paramcheck.model;

/** Turns the names users write into the names of generated constants. */
public final class Names {
  private Names() {}

  /**
   * {@code hiddenLayer} to {@code HIDDEN_LAYER}, {@code lstm2} to {@code LSTM2}, {@code
   * HTTPEncoder} to {@code HTTP_ENCODER}, {@code simple_rnn} to {@code SIMPLE_RNN}.
   */
  public static String upperSnake(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    int n = name.length();
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char before = name.charAt(i - 1);
        boolean afterLowerOrDigit = Character.isLowerCase(before) || Character.isDigit(before);
        boolean endsAcronym =
            Character.isUpperCase(before) && i + 1 < n && Character.isLowerCase(name.charAt(i + 1));
        if ((afterLowerOrDigit || endsAcronym) && before != '_') {
          out.append('_');
        }
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }

  /**
   * Keras's {@code naming.to_snake_case}: {@code GetItem} to {@code get_item}, {@code Conv2D} to
   * {@code conv2d}, {@code LSTM} to {@code lstm}, the prefix of Keras's automatic names.
   */
  public static String snake(String className) {
    String name = className.replaceAll("\\W+", "");
    name = name.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
    return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
