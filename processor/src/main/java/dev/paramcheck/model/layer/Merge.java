package dev.paramcheck.model.layer;

import dev.paramcheck.model.Message;
import dev.paramcheck.model.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras's element-wise merges (keras/src/layers/merging/base_merge.py): no weights; the output is
 * the inputs' shapes broadcast pairwise, right-aligned, a size of 1 matching any other, as {@code
 * _compute_elemwise_op_output_shape} computes it; other sizes must be equal ("Inputs have
 * incompatible shapes").
 */
public sealed interface Merge extends MultiInput
    permits AddLayer, SubtractLayer, MultiplyLayer, AverageLayer, MaximumLayer, MinimumLayer {
  @Override
  default String defaultName() {
    return dev.paramcheck.model.Names.snake(kerasClass());
  }

  @Override
  default String annotation() {
    return kerasClass();
  }

  @Override
  default OutputMask outputMask() {
    return OutputMask.LOGICAL_OR;
  }

  @Override
  default Step output(List<Shape> inputs, Context context) {
    Shape result = inputs.get(0);
    for (int i = 1; i < inputs.size(); i++) {
      Shape other = inputs.get(i);
      List<Long> a = result.dims();
      List<Long> b = other.dims();
      if (a.size() < b.size()) {
        List<Long> t = a;
        a = b;
        b = t;
      }
      List<Long> out = new ArrayList<>(a.subList(0, a.size() - b.size()));
      for (int k = 0; k < b.size(); k++) {
        long x = a.get(a.size() - b.size() + k);
        long y = b.get(k);
        if (x == Shape.UNKNOWN || y == Shape.UNKNOWN) {
          out.add(Shape.UNKNOWN);
        } else if (x == 1) {
          out.add(y);
        } else if (y == 1 || x == y) {
          out.add(x);
        } else {
          return Step.refuse(Message.MERGE_SHAPES, null, context.ref(), Merges.list(inputs),
              "Keras's \"Inputs have incompatible shapes\": sizes " + x + " and " + y + " differ and neither"
                  + " is 1; make the inputs' shapes equal (a size of 1 broadcasts)");
        }
      }
      result = new Shape(out);
    }
    return Step.of(result);
  }
}
