package dev.paramcheck.report.artifact;

import java.util.List;

/**
 * The outcome of checking one model file against one model's record.
 *
 * @param model the model's binary name
 * @param file the file as configured
 * @param format the file's format ({@code ONNX}, ...), or {@code null} when it could not be read
 * @param params the file's parameter count under its convention, or -1 when it could not be read
 */
public record Verification(String model, String file, String format, long params,
    List<Finding> findings) {
  public Verification {
    findings = List.copyOf(findings);
  }

  public boolean passed() {
    return findings.stream().noneMatch(f -> f.severity() == Finding.Severity.ERROR);
  }

  /** {@code verified}, {@code verified with notes} or {@code FAILED}. */
  public String status() {
    if (!passed()) {
      return "FAILED";
    }
    return findings.isEmpty() ? "verified" : "verified with notes";
  }
}
