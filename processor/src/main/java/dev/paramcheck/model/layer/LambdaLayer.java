package dev.paramcheck.model.layer;

import dev.paramcheck.model.Attributes;
import dev.paramcheck.model.Shape;
import java.util.List;

/**
 * Keras {@code Lambda(function, output_shape)} (keras/src/layers/core/lambda_layer.py): Keras tracks
 * no weights in a Lambda, so 0 parameters; paramcheck cannot run the function, so the output shape
 * is declared (the input's when not).
 */
public record LambdaLayer(List<Integer> outputShape) implements Layer {
  static LambdaLayer from(Attributes a) {
    return new LambdaLayer(a.ints("outputShape"));
  }

  @Override
  public String kerasClass() {
    return "Lambda";
  }

  @Override
  public String defaultName() {
    return "lambda";
  }

  @Override
  public String annotation() {
    return "Lambda";
  }

  @Override
  public List<Refusal> checkValues(Context context) {
    return Shapes.checkDeclared(outputShape, "outputShape", context);
  }

  @Override
  public Step output(Shape input, Context context) {
    return Step.of(outputShape.isEmpty() ? input : Shape.ofDeclared(outputShape));
  }

  @Override
  public Torch torch(Shape input, Context context) {
    return new Torch.NoModule();
  }

  /** Its Keras {@code call} takes a {@code mask}. */
  @Override
  public boolean takesMask() {
    return true;
  }
}
