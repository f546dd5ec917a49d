package dev.paramcheck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The budgets: {@code @ParamBudget} (the total, or the trainable parameters with {@code
 * trainableOnly}), {@code @SizeBudget} (bytes at the layers' precision) and {@code @MacBudget}
 * (multiply-accumulates per sample), on the model class or a layer field. One check serves all
 * of them: each bounds one {@link Metric}.
 */
final class Budgets {
  /** The budget annotations. */
  static final List<String> ANNOTATIONS = List.of("ParamBudget", "SizeBudget", "MacBudget");

  /**
   * A budget as written.
   *
   * @param written how messages state the budget
   * @param source {@code CLASS}, {@code FIELD} or {@code PACKAGE} (a policy of the model's package)
   * @param member where it is written (0: the class; {@link Site#PACKAGE} for a policy)
   * @param annotation its index on the member (or among the package's policies)
   */
  record Budget(Metric metric, long max, String written, String source, int member, int annotation) {
    /** Where an exceeded budget is reported: on its value, or on the model class for a policy. */
    Site site() {
      return source.equals("PACKAGE") ? Site.element(0) : new Site(member, annotation, "max");
    }
  }

  /** The valid budgets, and the problems of the others' values. */
  record Read(List<Budget> budgets, List<Problem> problems) {}

  private Budgets() {}

  static Read read(ModelDeclaration model) {
    List<Budget> budgets = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < model.members().size(); i++) {
      Member m = model.members().get(i);
      String of = m.isClass() ? "model " + m.name() : "field '" + m.name() + "'";
      for (int a = 0; a < m.annotations().size(); a++) {
        read(m.annotations().get(a), new Site(i, a, "max"), of, m.isClass() ? "CLASS" : "FIELD", "", problems)
            .ifPresent(budgets::add);
      }
    }
    Member type = model.members().get(0);
    for (int p = 0; p < model.policies().size(); p++) {
      Written policy = model.policies().get(p);
      if (Placement.indexOf(type, policy.annotation()) >= 0) {
        continue; // the model's own budget of that kind wins
      }
      String note = " (the @" + policy.annotation() + " policy of package " + model.packageName() + "; "
          + model.name() + " has no @" + policy.annotation() + " of its own)";
      read(policy, new Site(Site.PACKAGE, p, "max"), "package " + model.packageName(), "PACKAGE", note, problems)
          .ifPresent(budgets::add);
    }
    return new Read(budgets, problems);
  }

  /** The budget {@code w} sets, if it is one and its value is valid; otherwise its problem. */
  private static java.util.Optional<Budget> read(
      Written w, Site site, String of, String source, String note, List<Problem> problems) {
    switch (w.annotation()) {
      case "ParamBudget" -> {
        long max = w.attributes().longValue("max");
        Metric metric = w.attributes().flag("trainableOnly") ? Metric.TRAINABLE_PARAMS : Metric.PARAMS;
        if (positive(max, site, "@ParamBudget of " + of, " (it is the largest parameter count allowed)", problems)) {
          return java.util.Optional.of(new Budget(
              metric, max, Numbers.grouped(max) + note, source, site.member(), site.annotation()));
        }
      }
      case "MacBudget" -> {
        long max = w.attributes().longValue("max");
        if (positive(max, site, "@MacBudget of " + of, " (it is the largest cost allowed)", problems)) {
          return java.util.Optional.of(new Budget(
              Metric.MACS, max, Numbers.grouped(max) + note, source, site.member(), site.annotation()));
        }
      }
      case "SizeBudget" -> {
        String text = w.attributes().text("max");
        Sizes.Parsed parsed = Sizes.parse(text);
        if (parsed instanceof Sizes.Parsed.Bytes bytes) {
          return java.util.Optional.of(new Budget(
              Metric.BYTES, bytes.bytes(), text + " = " + Numbers.grouped(bytes.bytes()) + " bytes" + note, source,
              site.member(), site.annotation()));
        } else if (parsed instanceof Sizes.Parsed.Invalid invalid) {
          problems.add(Problem.of(Message.INVALID_SIZE, site, text, of, invalid.why(), Sizes.ACCEPTED));
        }
      }
      default -> { }
    }
    return java.util.Optional.empty();
  }

  private static boolean positive(long max, Site site, String where, String hint, List<Problem> problems) {
    if (max >= 1) {
      return true;
    }
    problems.add(Problem.of(Message.INVALID_VALUE, site, "max", max, where, "max", hint));
    return false;
  }

  /** Each counted layer against the budgets on its field. */
  static List<Problem> checkLayers(ModelDeclaration model, List<Budget> budgets, List<Counting.CountedLayer> layers) {
    List<Problem> problems = new ArrayList<>();
    for (Counting.CountedLayer counted : layers) {
      int member = counted.declared().at().member();
      if (model.members().get(member).isClass()) {
        continue; // a class budget bounds the model
      }
      for (Budget budget : budgets) {
        if (budget.source().equals("FIELD") && budget.member() == member) {
          check(counted.summary(), counted.declared().ref(), layers.get(0).declared().ref(), budget)
              .ifPresent(problems::add);
        }
      }
    }
    return problems;
  }

  private static java.util.Optional<Problem> check(LayerSummary layer, String ref, String first, Budget budget) {
    Site site = new Site(budget.member(), budget.annotation(), "max");
    OptionalLong value = budget.metric().of(layer);
    if (value.isEmpty()) {
      return java.util.Optional.of(Problem.of(
          Message.MACS_UNKNOWN, new Site(budget.member(), budget.annotation(), null), ref,
          "its input's length is unknown", first));
    }
    long used = value.getAsLong();
    if (used <= budget.max()) {
      return java.util.Optional.empty();
    }
    Metric metric = budget.metric();
    String over = metric.format(used - budget.max());
    return java.util.Optional.of(switch (metric) {
      case PARAMS -> Problem.of(Message.LAYER_OVER_BUDGET, site, ref, Numbers.grouped(used), breakdown(layer), over,
          Numbers.grouped(budget.max()));
      case TRAINABLE_PARAMS -> Problem.of(Message.LAYER_OVER_TRAINABLE_BUDGET, site, ref, Numbers.grouped(used), over,
          Numbers.grouped(budget.max()));
      case BYTES -> Problem.of(Message.LAYER_OVER_SIZE_BUDGET, site, ref, Numbers.bytes(used),
          layer.dtype().name().toLowerCase(Locale.ROOT), over, budget.written());
      case MACS -> Problem.of(Message.LAYER_OVER_MAC_BUDGET, site, ref, Numbers.grouped(used), over,
          Numbers.grouped(budget.max()));
    });
  }

  private static String breakdown(LayerSummary layer) {
    return layer.weights().stream()
        .filter(w -> w.count() > 0)
        .map(w -> w.key().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + Numbers.grouped(w.count()))
        .collect(Collectors.joining(" + "));
  }

  /**
   * A {@code trainableOnly} budget that nothing can exceed: on a frozen layer, or on a model whose
   * layers with weights are all frozen. A warning on the budget, as the budget does not do what it
   * seems to.
   */
  static List<Problem> alwaysMet(ModelDeclaration model, List<Budget> budgets, List<Counting.CountedLayer> layers) {
    List<Problem> problems = new ArrayList<>();
    List<LayerSummary> weighted = layers.stream().map(Counting.CountedLayer::summary)
        .filter(l -> l.params() > 0).toList();
    for (Budget budget : budgets) {
      if (budget.metric() != Metric.TRAINABLE_PARAMS) {
        continue;
      }
      if (budget.source().equals("FIELD")) {
        for (Counting.CountedLayer counted : layers) {
          LayerSummary l = counted.summary();
          if (counted.declared().at().member() == budget.member() && l.params() > 0 && l.trainable() == 0) {
            problems.add(Problem.of(Message.TRAINABLE_BUDGET_ALWAYS_MET, budget.site().at("trainableOnly"),
                counted.declared().ref(), "the layer is"));
          }
        }
      } else if (!weighted.isEmpty() && weighted.stream().allMatch(l -> l.trainable() == 0)) {
        problems.add(Problem.of(Message.TRAINABLE_BUDGET_ALWAYS_MET,
            budget.source().equals("PACKAGE") ? Site.element(0) : budget.site().at("trainableOnly"),
            "model " + model.name(), "every layer with weights is"));
      }
    }
    return problems;
  }

  /** What checking the model's own budgets found. */
  record Checked(List<Problem> problems, List<BudgetUse> uses) {}

  /** The model against the budgets on its class; records every budget's use, the layers' too. */
  static Checked checkModel(ModelDeclaration model, List<Budget> budgets, ModelSummary summary) {
    List<Problem> problems = new ArrayList<>();
    List<BudgetUse> uses = new ArrayList<>();
    for (Budget budget : budgets) {
      if (budget.source().equals("FIELD")) {
        Member m = model.members().get(budget.member());
        LayerSummary layer = summary.layers().stream().filter(l -> l.name().equals(m.name())).findFirst().orElse(null);
        if (layer != null && budget.metric().of(layer).isPresent()) {
          uses.add(new BudgetUse(
              budget.metric(), layer.name(), "FIELD", budget.max(), budget.metric().of(layer).getAsLong()));
        }
        continue;
      }
      OptionalLong value = budget.metric().of(summary);
      if (value.isEmpty()) {
        Site site = budget.source().equals("PACKAGE") ? Site.element(0) : new Site(0, budget.annotation(), null);
        problems.add(Problem.of(
            Message.MACS_UNKNOWN, site, "model " + model.name() + (budget.source().equals("PACKAGE") ? ", from its package's policy," : ""),
            "the model's input has no timesteps",
            summary.layers().isEmpty() ? "the layer the model starts with" : "layer '" + summary.layers().get(0).name() + "'"));
        continue;
      }
      long used = value.getAsLong();
      uses.add(new BudgetUse(budget.metric(), null, budget.source(), budget.max(), used));
      if (used > budget.max()) {
        problems.add(overModel(model.name(), summary, budget, used));
      }
    }
    return new Checked(problems, uses);
  }

  private static Problem overModel(String name, ModelSummary summary, Budget budget, long used) {
    Site site = budget.site();
    Metric metric = budget.metric();
    String largest = Counting.largest(summary.layers(), l -> metric.of(l).orElse(0), used);
    String over = metric.format(used - budget.max());
    return switch (metric) {
      case PARAMS -> Problem.of(Message.MODEL_OVER_BUDGET, site, name, Numbers.grouped(used), over,
          budget.written(), largest);
      case TRAINABLE_PARAMS -> Problem.of(Message.MODEL_OVER_TRAINABLE_BUDGET, site, name, Numbers.grouped(used), over,
          budget.written(), largest);
      case BYTES -> Problem.of(Message.MODEL_OVER_SIZE_BUDGET, site, name, Numbers.bytes(used), over, budget.written(),
          largest);
      case MACS -> Problem.of(Message.MODEL_OVER_MAC_BUDGET, site, name, Numbers.grouped(used), over,
          budget.written(), largest);
    };
  }
}
