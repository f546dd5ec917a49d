package dev.paramcheck.model.layer;

import dev.paramcheck.model.Message;
import java.util.List;

/**
 * Why a layer refuses its values or its input: a message and the attribute at fault.
 *
 * @param message the diagnostic
 * @param attribute the attribute at fault, or {@code null} for the whole annotation
 * @param onWrapper whether it sits on the wrapper annotation ({@code @Bidirectional}, {@code
 *     @TimeDistributed}) rather than on the layer annotation
 * @param args the message's arguments
 */
public record Refusal(Message message, String attribute, boolean onWrapper, List<Object> args) {
  public Refusal {
    args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
  }

  public static Refusal of(Message message, String attribute, Object... args) {
    return new Refusal(message, attribute, false, java.util.Arrays.asList(args));
  }

  public static Refusal onWrapper(Message message, String attribute, Object... args) {
    return new Refusal(message, attribute, true, java.util.Arrays.asList(args));
  }

  public String text() {
    return message.format(args.toArray());
  }
}
