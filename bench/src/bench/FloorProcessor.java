package bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * The floor: a processor that does nothing but find the models the way paramcheck does (the
 * classes that carry, or whose fields carry, paramcheck's annotations) and write one tiny class
 * per model through the Filer. What it costs is javac's own price of a processing round that
 * generates one file per model; no real processor that generates a file per model can be cheaper.
 */
public final class FloorProcessor extends AbstractProcessor {
  private final Set<String> done = new HashSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(
        "dev.paramcheck.SimpleRnn",
        "dev.paramcheck.Lstm",
        "dev.paramcheck.Gru",
        "dev.paramcheck.Dense",
        "dev.paramcheck.Embedding",
        "dev.paramcheck.Bidirectional",
        "dev.paramcheck.ParamBudget");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TreeMap<String, TypeElement> models = new TreeMap<>();
    for (TypeElement annotation : annotations) {
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        Element type = e instanceof TypeElement ? e : e.getEnclosingElement();
        if (type instanceof TypeElement t) {
          models.putIfAbsent(t.getQualifiedName().toString(), t);
        }
      }
    }
    for (TypeElement model : models.values()) {
      if (!done.add(model.getQualifiedName().toString())) {
        continue;
      }
      String pkg = processingEnv.getElementUtils().getPackageOf(model).getQualifiedName().toString();
      String name = model.getSimpleName() + "Floor";
      try {
        JavaFileObject file =
            processingEnv.getFiler().createSourceFile(pkg.isEmpty() ? name : pkg + "." + name, model);
        try (Writer w = file.openWriter()) {
          w.write((pkg.isEmpty() ? "" : "package " + pkg + ";\n\n") + "final class " + name + " {}\n");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return true;
  }
}
