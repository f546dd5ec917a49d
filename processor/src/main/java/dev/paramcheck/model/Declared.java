package dev.paramcheck.model;

import dev.paramcheck.model.layer.Built;
import dev.paramcheck.model.layer.Context;
import dev.paramcheck.model.layer.Layer;
import dev.paramcheck.model.layer.LayerKinds;
import dev.paramcheck.model.layer.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A layer read from its annotations, its values checked.
 *
 * @param at where it is declared
 * @param written the layer annotation as written
 * @param name its name in the table and constants
 * @param ref how messages name it: {@code layer 'encoder' (LSTM)}
 * @param layer the layer, or empty when a value or a wrapper is wrong (its output is unknown)
 */
record Declared(Placement.Placed at, Written written, String name, String ref, Optional<Layer> layer) {
  /**
   * What reading the layers found.
   *
   * @param values the problems of the layers' values
   * @param wrappers the wrappers beside a layer they cannot wrap
   */
  record Result(List<Declared> layers, List<Problem> values, List<Problem> wrappers) {}

  /** Reads each placed layer, checks its values and applies its wrappers. */
  static Result read(ModelDeclaration model, List<Placement.Placed> placed) {
    List<Declared> layers = new ArrayList<>(placed.size());
    List<Problem> problems = new ArrayList<>();
    List<Problem> wrapperProblems = new ArrayList<>();
    String previous = "the model's input";
    for (int position = 0; position < placed.size(); position++) {
      Placement.Placed at = placed.get(position);
      Member m = model.members().get(at.member());
      Written written = m.annotations().get(at.annotation());
      Layer layer = LayerKinds.kind(written.annotation()).orElseThrow().read().apply(written.attributes());
      String ref = "layer '" + (m.isClass() ? layer.defaultName() : m.name()) + "' (" + layer.kerasClass() + ")";
      Context context = new Context(ref, position + 1, previous);
      boolean valid = true;
      for (Refusal refusal : layer.checkValues(context)) {
        problems.add(problem(at, at.annotation(), refusal));
        valid = false;
      }
      for (int wrapperAt : at.wrappers()) {
        Written wrapper = m.annotations().get(wrapperAt);
        Built built = LayerKinds.wrapper(wrapper.annotation()).orElseThrow().wrap().apply(layer, wrapper.attributes(), context);
        if (built instanceof Built.Ok ok) {
          layer = ok.layer();
        } else if (built instanceof Built.Refused refused) {
          wrapperProblems.add(problem(at, wrapperAt, refused.refusal()));
          valid = false;
        }
      }
      String name = m.isClass() ? layer.defaultName() : m.name();
      layers.add(new Declared(at, written, name, ref, valid ? Optional.of(layer) : Optional.empty()));
      previous = ref;
    }
    return new Result(layers, problems, wrapperProblems);
  }

  /** A refusal of the layer's values or input, on the annotation (and attribute) at fault. */
  static Problem problem(Placement.Placed at, int annotation, Refusal refusal) {
    int on = refusal.onWrapper() ? annotation : at.annotation();
    return new Problem(refusal.message(), new Site(at.member(), on, refusal.attribute()), refusal.text());
  }

  Problem problem(Refusal refusal) {
    return problem(at, at.annotation(), refusal);
  }
}
