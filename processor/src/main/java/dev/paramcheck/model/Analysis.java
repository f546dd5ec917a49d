package dev.paramcheck.model;

import java.util.List;
import java.util.Optional;

/**
 * What {@link ModelChecker} found: the problems, in the order of the declaration, and the summary
 * when the model could be counted. A model whose only problems are exceeded budgets is counted;
 * one with any other problem is not.
 */
public record Analysis(List<Problem> problems, Optional<ModelSummary> summary) {
  public Analysis {
    problems = List.copyOf(problems);
  }
}
