package dev.paramcheck.model;

import java.util.List;
import java.util.Optional;

/**
 * What {@link ModelChecker} found: the problems, in the order of the declaration, and the summary
 * when the model could be counted (an over-budget model is counted; one whose shapes do not fit
 * is not).
 */
public record Analysis(List<Problem> problems, Optional<ModelSummary> summary) {
  public Analysis {
    problems = List.copyOf(problems);
  }
}
