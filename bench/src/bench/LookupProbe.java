package bench;

import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Measures one call paramcheck makes per model: looking up whether its summary class already
 * exists, {@code Elements.getTypeElement("p.ModelSummary")}, against the same lookup in the model's
 * own module, {@code getTypeElement(module, name)}. Generates nothing. For each model found in
 * the first round it times both lookups (each on its own name, so no lookup is a repeat) and
 * prints:
 *
 * <pre>[bench] lookup models=N all-modules-ns=... one-module-ns=... modules=...</pre>
 *
 * Run by bench/profile.sh ... lookup; the order of the two kinds alternates per model so that
 * JIT warm-up favours neither.
 */
public final class LookupProbe extends AbstractProcessor {
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.paramcheck.*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (annotations.isEmpty()) {
      return false;
    }
    TreeMap<String, TypeElement> models = new TreeMap<>();
    for (TypeElement annotation : annotations) {
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        Element type = e instanceof TypeElement ? e : e.getEnclosingElement();
        if (type instanceof TypeElement t) {
          models.putIfAbsent(t.getQualifiedName().toString(), t);
        }
      }
    }
    Elements elements = processingEnv.getElementUtils();
    long all = 0;
    long one = 0;
    int i = 0;
    for (TypeElement model : models.values()) {
      String name = model.getQualifiedName().toString();
      ModuleElement module = elements.getModuleOf(model);
      for (int k = 0; k < 2; k++) {
        boolean allFirst = (i + k) % 2 == 0;
        long start = System.nanoTime();
        if (allFirst) {
          elements.getTypeElement(name + "Summary");
          all += System.nanoTime() - start;
        } else {
          elements.getTypeElement(module, name + "Probe");
          one += System.nanoTime() - start;
        }
      }
      i++;
    }
    System.err.printf(
        "[bench] lookup models=%d all-modules-ns=%d one-module-ns=%d modules=%d%n",
        models.size(), all, one, elements.getAllModuleElements().size());
    return false;
  }
}
