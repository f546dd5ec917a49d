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
}
