package dev.paramcheck.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Generated constant names must be unique: a field {@code total} would clash with {@code TOTAL_PARAMS}. */
final class ConstantNames {
  private ConstantNames() {}

  static List<Problem> check(ModelDeclaration model, List<Counting.CountedLayer> layers) {
    List<Problem> problems = new ArrayList<>();
    Map<String, String> owners = new HashMap<>();
    for (String total : SummaryConstants.totals()) {
      owners.put(total, "the model total");
    }
    for (Counting.CountedLayer counted : layers) {
      LayerSummary layer = counted.summary();
      Declared d = counted.declared();
      Member m = model.members().get(d.at().member());
      String owner = m.isClass() ? "layer " + layer.name() : "field '" + m.name() + "'";
      for (String constant : SummaryConstants.of(layer)) {
        String previous = owners.putIfAbsent(constant, owner);
        if (previous != null && !previous.equals(owner)) {
          problems.add(Problem.of(
              Message.CONSTANT_CLASH, Site.annotation(d.at().member(), d.at().annotation()), owner, constant, previous));
          break;
        }
      }
    }
    return problems;
  }
}
