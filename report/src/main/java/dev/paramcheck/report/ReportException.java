package dev.paramcheck.report;

import java.util.List;

/** The report cannot go on; {@link #problems()} say why, each naming its file. */
public final class ReportException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  public ReportException(List<Problem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  public ReportException(Problem problem) {
    this(List.of(problem));
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    StringBuilder sb = new StringBuilder();
    for (Problem p : problems) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(p);
    }
    return sb.toString();
  }
}
