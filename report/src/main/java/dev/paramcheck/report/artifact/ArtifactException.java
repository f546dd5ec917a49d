package dev.paramcheck.report.artifact;

/**
 * A model file that cannot be read for its shapes: truncated, corrupt, of another format, or
 * claiming more than it holds. The message names the file and what is wrong, in one line; it never
 * carries a stack trace.
 */
public final class ArtifactException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String reason;

  public ArtifactException(String file, String reason) {
    super(file + ": " + reason, null, false, false);
    this.file = file;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  public String reason() {
    return reason;
  }
}
