package dev.paramcheck.report;

/**
 * Input the report cannot use (a corrupt or foreign record, a record of a newer schema, an
 * unreadable jar or baseline): the file it is about and what is wrong, said so that a person can
 * act on it. Never a stack trace.
 */
public record Problem(String file, String message) {
  @Override
  public String toString() {
    return file + ": " + message;
  }
}
