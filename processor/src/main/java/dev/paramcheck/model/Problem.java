package dev.paramcheck.model;

/** One problem found in a model: what, and exactly where. */
public record Problem(Message message, Site site, String text) {
  public static Problem of(Message message, Site site, Object... args) {
    return new Problem(message, site, message.format(args));
  }
}
