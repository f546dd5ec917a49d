package dev.paramcheck.model;

import dev.paramcheck.Bidirectional.Merge;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A model's class or one of its fields, with the paramcheck annotations written on it.
 *
 * @param name the field's name, or the class's simple name
 * @param isClass whether this is the model class itself
 * @param layers the layer annotations, in the order written (more than one is an error)
 * @param bidirectional the merge mode of {@code @Bidirectional}, if present
 * @param budget the {@code max} of {@code @ParamBudget}, if present
 */
public record Member(
    String name, boolean isClass, List<LayerSpec> layers, Optional<Merge> bidirectional, OptionalLong budget) {

  public Member {
    layers = List.copyOf(layers);
  }

  public static Member field(String name, LayerSpec layer) {
    return new Member(name, false, List.of(layer), Optional.empty(), OptionalLong.empty());
  }

  public static Member type(String name, List<LayerSpec> layers) {
    return new Member(name, true, layers, Optional.empty(), OptionalLong.empty());
  }

  public Member withBudget(long max) {
    return new Member(name, isClass, layers, bidirectional, OptionalLong.of(max));
  }

  public Member withBidirectional(Merge merge) {
    return new Member(name, isClass, layers, Optional.of(merge), budget);
  }
}
