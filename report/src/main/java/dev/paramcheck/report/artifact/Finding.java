package dev.paramcheck.report.artifact;

/**
 * One thing the verification of a model file found, said as a person would fix it.
 *
 * @param severity {@link Severity#ERROR} fails the build; {@link Severity#NOTE} is said and passes
 * @param tag a stable name to search for (docs/artifacts.md lists them all)
 * @param layer the declared layer it is about, or {@code null} for the model
 */
public record Finding(Severity severity, Tag tag, String layer, String message) {

  public enum Severity { ERROR, NOTE }

  /** The findings' stable tags, as {@code artifact-shape} and so on in messages and docs. */
  public enum Tag {
    /** A weight's dimension differs: names the attribute (units, features, inputDim, ...). */
    SHAPE,
    /** The declaration has a bias the file lacks, or the other way round. */
    BIAS,
    /** The file's layer is of another kind (a GRU where an LSTM is declared). */
    KIND,
    /** The file has both directions where the declaration has one, or the other way round. */
    DIRECTIONS,
    /** A declared layer with weights that the file does not have. */
    MISSING_LAYER,
    /** A layer of the file that the declaration does not have. */
    EXTRA_LAYER,
    /** A tensor of a matched layer the declaration does not have, or lacks one it expects. */
    TENSOR,
    /** The file was made in the other framework's convention. */
    CONVENTION,
    /** An exporter fused a layer into the one before (BatchNormalization into Conv). */
    FOLDED,
    /** A weight's precision differs from {@code @Precision}. */
    DTYPE,
    /** A Keras file freezes a layer the declaration trains, or the other way round. */
    TRAINABLE,
    /** The file's parameter totals differ from the declaration's. */
    TOTALS,
    /** The file itself is over a budget of the declaration. */
    BUDGET,
    /** The file cannot be read: missing, truncated, corrupt, or of another format. */
    UNREADABLE,
    /** The configured model has no record in the class output. */
    UNKNOWN_MODEL;

    /** {@code artifact-missing-layer}. */
    public String id() {
      return "artifact-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  @Override
  public String toString() {
    return "[paramcheck:" + tag.id() + "] " + message;
  }
}
