package dev.paramcheck.report;

/**
 * Who runs the report: the fixes its messages give are said in that tool's words (the command
 * line's {@code --update-baseline}, the plugin's {@code -Dparamcheck.updateBaseline}).
 */
public enum Caller {
  /** {@code paramcheck-maven-plugin}. */
  MAVEN("-Dparamcheck.updateBaseline"),
  /** {@code java -jar paramcheck-report.jar}. */
  CLI("--update-baseline");

  private final String updateBaseline;

  Caller(String updateBaseline) {
    this.updateBaseline = updateBaseline;
  }

  /** How this tool writes a new baseline: the flag to give. */
  public String updateBaseline() {
    return updateBaseline;
  }
}
