package dev.paramcheck.model;

import dev.paramcheck.Dtype;
import dev.paramcheck.Framework;

/**
 * The model-wide choices: whose convention counts it and each layer's precision. A {@code
 * @Convention} on the class wins over the build's default; a {@code @Precision} on a layer field
 * wins over the class's, which wins over float32.
 */
final class Settings {
  private final ModelDeclaration model;
  private final Framework convention;
  private final Dtype modelPrecision;

  private Settings(ModelDeclaration model, Framework convention, Dtype modelPrecision) {
    this.model = model;
    this.convention = convention;
    this.modelPrecision = modelPrecision;
  }

  static Settings of(ModelDeclaration model, Framework defaultConvention) {
    Member type = model.members().get(0);
    int convention = Placement.indexOf(type, "Convention");
    return new Settings(
        model,
        convention < 0
            ? defaultConvention
            : type.annotations().get(convention).attributes().constant("value", Framework.class),
        precision(type).orElse(Dtype.FLOAT32));
  }

  private static java.util.Optional<Dtype> precision(Member m) {
    int a = Placement.indexOf(m, "Precision");
    return a < 0
        ? java.util.Optional.empty()
        : java.util.Optional.of(m.annotations().get(a).attributes().constant("value", Dtype.class));
  }

  Framework convention() {
    return convention;
  }

  Dtype modelPrecision() {
    return modelPrecision;
  }

  /** The precision of the layer declared on member {@code member}. */
  Dtype precision(int member) {
    return precision(model.members().get(member)).orElse(modelPrecision);
  }
}
