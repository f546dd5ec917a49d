package dev.paramcheck.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.paramcheck.Framework;
import dev.paramcheck.model.LayerSummary;
import dev.paramcheck.model.ModelSummary;
import dev.paramcheck.model.Weight;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Writes a model's summary class: constants and a Keras-style table. */
final class SummaryWriter {
  /**
   * The longest string literal written in one piece. A class file holds a string constant of at
   * most 65,535 bytes of modified UTF-8, 3 bytes for a box-drawing character.
   */
  static final int CHUNK = 16_000;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Filer filer;
  private final AnnotationSpec generated;

  SummaryWriter(Filer filer, Elements elements, SourceVersion sourceVersion) {
    this.filer = filer;
    this.generated = generatedAnnotation(elements, sourceVersion);
  }

  /** The name of the summary class of {@code model}: {@code p.Outer.Inner} gives {@code p.Outer_InnerSummary}. */
  static ClassName summaryName(Elements elements, TypeElement model) {
    String packageName = elements.getPackageOf(model).getQualifiedName().toString();
    StringBuilder simple = new StringBuilder(model.getSimpleName());
    for (Element e = model.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
      simple.insert(0, e.getSimpleName() + "_");
    }
    return ClassName.get(packageName, simple + "Summary");
  }

  /** How many constant-pool entries a class file may have (JVMS 4.1: a u2 count, less one). */
  static final int CONSTANT_POOL_LIMIT = 65_535;

  /** Room left in the constant pool for the class's own names, the table and {@code @Generated}. */
  static final int CONSTANT_POOL_RESERVE = 2_000;

  /** Which constants a summary class can hold. */
  enum Layout {
    /** Totals, each layer's count and its breakdown. */
    FULL,
    /** Totals and each layer's count: the breakdown would not fit in one class file. */
    WITHOUT_BREAKDOWN,
    /** Not even one constant per layer fits in one class file. */
    TOO_LARGE
  }

  /**
   * Estimates the constant-pool entries of the summary class: one name per constant, two entries
   * per distinct {@code long} value, two per table piece. A model of tens of thousands of layers
   * would otherwise fail in javac with "too many constants".
   */
  static Layout layout(ModelSummary summary) {
    int pieces = summary.layers().size() * 300 / CHUNK + 1;
    int available = CONSTANT_POOL_LIMIT - CONSTANT_POOL_RESERVE - 2 * pieces;
    java.util.Set<Long> values = new java.util.HashSet<>();
    values.add(summary.totalParams());
    values.add(summary.totalBytes());
    values.add(0L);
    long names = 7;
    for (LayerSummary layer : summary.layers()) {
      names += layer.macs().isPresent() ? 3 : 2;
      values.add(layer.params());
      values.add(layer.bytes());
      layer.macs().ifPresent(values::add);
    }
    if (names + 2L * values.size() > available) {
      return Layout.TOO_LARGE;
    }
    for (LayerSummary layer : summary.layers()) {
      for (Weight weight : layer.weights()) {
        names++;
        values.add(weight.count());
      }
    }
    return names + 2L * values.size() > available ? Layout.WITHOUT_BREAKDOWN : Layout.FULL;
  }

  JavaFile javaFile(TypeElement model, ClassName name, ModelSummary summary, boolean breakdown, String table) {
    String modelName = model.getQualifiedName().toString();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(name)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addOriginatingElement(model)
            .addJavadoc(
                "Parameter counts of {@code $L}, as $L counts them, computed by paramcheck at compile"
                    + " time.\n\n<p>{@code TOTAL_PARAMS}, {@code TRAINABLE_PARAMS} and {@code"
                    + " NON_TRAINABLE_PARAMS} count the model; {@code TOTAL_BYTES} (and its trainable and"
                    + " non-trainable parts) is the weights' size, {@code TOTAL_MACS} the cost of one input"
                    + " sample. {@code <LAYER>_PARAMS} is a layer's count, broken down into its"
                    + " weights as $L names them ($L; 0 where the layer's flags leave a weight out)."
                    + " {@code _BYTES} is the size at the layer's precision, {@code _MACS} the"
                    + " multiply-accumulates per input sample (only when the input's length is known).\n",
                modelName,
                summary.convention() == Framework.PYTORCH ? "PyTorch" : "Keras",
                summary.convention() == Framework.PYTORCH ? "PyTorch" : "Keras",
                summary.convention() == Framework.PYTORCH
                    ? "{@code _WEIGHT_IH_L0_PARAMS}, {@code _BIAS_HH_L0_PARAMS}, ..., {@code _L0_REVERSE} for the"
                        + " backward direction; {@code _WEIGHT_PARAMS}, {@code _BIAS_PARAMS}"
                    : "{@code _KERNEL_PARAMS}, {@code _RECURRENT_KERNEL_PARAMS}, {@code _BIAS_PARAMS}, {@code"
                        + " _EMBEDDINGS_PARAMS}, {@code _GAMMA_PARAMS}, {@code _BETA_PARAMS}, {@code"
                        + " _MOVING_MEAN_PARAMS}, {@code _MOVING_VARIANCE_PARAMS}; {@code FORWARD_} and {@code"
                        + " BACKWARD_} in a bidirectional layer");
    if (generated != null) {
      type.addAnnotation(generated);
    }
    type.addField(constants(summary, breakdown));
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(
        MethodSpec.methodBuilder("table")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(String.class)
            .addJavadoc(summary.convention() == Framework.PYTORCH
                ? "The model's summary as torchinfo's {@code summary(model)} prints it, ending in a line break.\n"
                : "The model's summary as Keras 3's {@code model.summary()} prints it, ending in a line break.\n")
            .addCode(tableBody(table))
            .build());
    return JavaFile.builder(name.packageName(), type.build())
        .skipJavaLangImports(true)
        .addFileComment("Generated by paramcheck from $L. Do not edit.", modelName)
        .build();
  }

  void write(JavaFile file) throws IOException {
    file.writeTo(filer);
  }

  /**
   * Every constant in one {@code public static final long} declaration: the model's totals on its
   * first line, then a line per layer (its count, size, MACs and breakdown). The class Javadoc
   * says what each name means. javac's time for a summary follows its number of members more than
   * the length of its text, and a declaration, with a Javadoc, per constant made the summaries half
   * again as long to write and to compile (docs/performance.md). The names are identifiers checked
   * by {@code ConstantNames}; the text reaches JavaPoet as one argument, not as a format, and in
   * one piece: an argument per name and value was most of JavaPoet's time for 10,000 layers.
   */
  private static FieldSpec constants(ModelSummary summary, boolean breakdown) {
    StringBuilder values = new StringBuilder(64 + summary.layers().size() * 160);
    values.append(literal(summary.totalParams()));
    constant(values, ", ", "TRAINABLE_PARAMS", summary.trainableParams());
    constant(values, ", ", "NON_TRAINABLE_PARAMS", summary.nonTrainableParams());
    constant(values, ",\n", "TOTAL_BYTES", summary.totalBytes());
    constant(values, ", ", "TRAINABLE_BYTES", summary.trainableBytes());
    constant(values, ", ", "NON_TRAINABLE_BYTES", summary.nonTrainableBytes());
    summary.macs().ifPresent(macs -> constant(values, ", ", "TOTAL_MACS", macs));
    for (LayerSummary layer : summary.layers()) {
      constant(values, ",\n", layer.paramsConstant(), layer.params());
      constant(values, ", ", layer.bytesConstant(), layer.bytes());
      layer.macs().ifPresent(macs -> constant(values, ", ", layer.macsConstant(), macs));
      for (Weight weight : breakdown ? layer.weights() : List.<Weight>of()) {
        constant(values, ", ", layer.weightConstant(weight), weight.count());
      }
    }
    return FieldSpec.builder(long.class, "TOTAL_PARAMS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("$>$>$L$<$<", values)
        .build();
  }

  private static void constant(StringBuilder values, String separator, String name, long value) {
    values.append(separator).append(name).append(" = ").append(literal(value));
  }

  /** A {@code long} value's literal: an {@code int} literal where it fits (widened, still constant). */
  private static String literal(long value) {
    return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? Long.toString(value) : value + "L";
  }


  /**
   * {@code return "..." + "...";}, one literal per line of the table. A table longer than one class
   * file constant is appended in pieces, which javac cannot fold into one constant.
   */
  static CodeBlock tableBody(String table) {
    List<String> chunks = new ArrayList<>();
    int start = 0;
    while (start < table.length()) {
      int end = Math.min(table.length(), start + CHUNK);
      if (end < table.length()) {
        int lastBreak = table.lastIndexOf('\n', end - 1);
        if (lastBreak >= start) {
          end = lastBreak + 1;
        }
      }
      chunks.add(table.substring(start, end));
      start = end;
    }
    CodeBlock.Builder code = CodeBlock.builder();
    if (chunks.size() <= 1) {
      code.add("return $L;\n", literal(chunks.isEmpty() ? "" : chunks.get(0)));
      return code.build();
    }
    code.add("return new $T($L)", StringBuilder.class, table.length());
    for (String chunk : chunks) {
      code.add("\n    .append($L)", literal(chunk));
    }
    code.add("\n    .toString();\n");
    return code.build();
  }

  /**
   * A Java string literal of {@code text}, one line per source line, with every non-ASCII
   * character escaped so that the file compiles under any {@code -encoding}.
   */
  static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          if (i + 1 < text.length()) {
            out.append("\"\n    + \"");
          }
          break;
        default:
          if (c < 0x20 || c > 0x7e) {
            out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }

  /**
   * {@code @Generated} where the target release has it: {@code javax.annotation.processing} from
   * Java 9, {@code javax.annotation} on Java 8; none if neither is visible. No date, so the output
   * is the same on every run.
   */
  private static AnnotationSpec generatedAnnotation(Elements elements, SourceVersion sourceVersion) {
    String name = null;
    if (sourceVersion.compareTo(SourceVersion.RELEASE_8) > 0
        && elements.getTypeElement("javax.annotation.processing.Generated") != null) {
      name = "javax.annotation.processing.Generated";
    } else if (elements.getTypeElement("javax.annotation.Generated") != null) {
      name = "javax.annotation.Generated";
    }
    if (name == null) {
      return null;
    }
    return AnnotationSpec.builder(ClassName.bestGuess(name))
        .addMember("value", "$S", ParamCheckProcessor.class.getName())
        .build();
  }
}
