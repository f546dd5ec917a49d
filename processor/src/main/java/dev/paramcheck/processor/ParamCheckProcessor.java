package dev.paramcheck.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import dev.paramcheck.model.Analysis;
import dev.paramcheck.model.Message;
import dev.paramcheck.model.ModelChecker;
import dev.paramcheck.model.ModelSummary;
import dev.paramcheck.model.Problem;
import dev.paramcheck.summary.Tables;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Counts the parameters of every model declared with paramcheck's annotations, checks shapes and
 * budgets, and writes a {@code <Model>Summary} class per model.
 *
 * <p>Users never call this class: javac finds it through {@code META-INF/services} when the
 * processor jar is on the processor path (Maven's {@code annotationProcessorPaths}, Gradle's
 * {@code annotationProcessor}, javac's {@code --processor-path}). It reads the options
 * {@code -Aparamcheck.budget=error|warning}, {@code -Aparamcheck.tableWidth=N}, {@code
 * -Aparamcheck.convention=keras|pytorch} and {@code -Aparamcheck.records=true|false}. The
 * annotations, the generated names, the options and the diagnostics' tags are the public API;
 * the README and {@code docs/compatibility.md} describe them and what may change between
 * versions.
 *
 * <p>The work is in {@link ModelReader} (annotations to a declaration), {@link ModelChecker} (the
 * plain-Java model: shapes, counts, problems), {@link Reporter} and {@link SummaryWriter}. An
 * unexpected exception becomes one error on the model it happened in; it never reaches javac.
 */
@AutoService(Processor.class)
public final class ParamCheckProcessor extends AbstractProcessor {
  private final Set<String> done = new HashSet<>();
  private final Set<String> written = new HashSet<>();
  private Options options;
  private Reporter reporter;
  private ModelReader reader;
  private SummaryWriter writer;
  private RecordWriter records;

  /** Creates the processor; javac does, through {@link java.util.ServiceLoader}. */
  public ParamCheckProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    options = Options.parse(env.getOptions());
    reporter = new Reporter(env.getMessager(), options);
    reader = new ModelReader(env.getElementUtils());
    writer = new SummaryWriter(env.getFiler(), env.getElementUtils(), env.getSourceVersion());
    records = new RecordWriter(env.getFiler(), env.getElementUtils());
    options.problems().forEach(p -> reporter.report(p.message(), p.args().toArray()));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new LinkedHashSet<>(Annotations.OURS.keySet());
    types.addAll(Annotations.GENERATED);
    return types;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Options.ALL;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      for (TypeElement model : models(annotations, round)) {
        if (done.add(model.getQualifiedName().toString())) {
          processSafely(model);
        }
      }
      return onlyOurs(annotations, round);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      reporter.report(Message.INTERNAL_ERROR, "this round", trace(e));
      return false;
    }
  }

  /** Processes one model; an unexpected exception becomes one error on it, and the others go on. */
  private void processSafely(TypeElement model) {
    try {
      processModel(model);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      reporter.report(Message.INTERNAL_ERROR, model, model.getQualifiedName(), trace(e));
    }
  }

  private static String trace(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  /**
   * Claims this round's annotations when they are paramcheck's own, and {@code @Generated} only
   * on the summaries paramcheck wrote: other processors still see it on anything else.
   */
  private boolean onlyOurs(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      if (annotation.getKind() != ElementKind.ANNOTATION_TYPE) {
        return false; // ecj hands over an unresolved @Generated as a class with an error type
      }
      if (Annotations.GENERATED.contains(annotation.getQualifiedName().toString())) {
        for (Element e : round.getElementsAnnotatedWith(annotation)) {
          if (!(e instanceof TypeElement t && written.contains(t.getQualifiedName().toString()))) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * The classes that declare models this round, in an order that never varies and reads as the
   * source does: by top-level class name, and within one top-level class (one file) in the order
   * the classes are declared, so that a file's diagnostics come top to bottom.
   */
  private static Iterable<TypeElement> models(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TreeMap<String, TypeElement> models = new TreeMap<>();
    for (TypeElement annotation : annotations) {
      if (annotation.getKind() != ElementKind.ANNOTATION_TYPE
          || Annotations.GENERATED.contains(annotation.getQualifiedName().toString())) {
        continue; // not resolved (ecj), or supported only to be claimed (see onlyOurs)
      }
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        Element type = e instanceof TypeElement ? e : e.getEnclosingElement();
        if (type instanceof TypeElement t) {
          models.putIfAbsent(t.getQualifiedName().toString(), t);
        }
      }
    }
    List<TypeElement> ordered = new ArrayList<>(models.values());
    Map<TypeElement, Integer> position = new HashMap<>();
    for (TypeElement t : ordered) {
      position.put(t, declarationIndex(outermost(t), t));
    }
    ordered.sort(Comparator.comparing((TypeElement t) -> outermost(t).getQualifiedName().toString())
        .thenComparing(position::get));
    return ordered;
  }

  private static TypeElement outermost(TypeElement t) {
    TypeElement top = t;
    for (Element e = t.getEnclosingElement(); e instanceof TypeElement enclosing; e = e.getEnclosingElement()) {
      top = enclosing;
    }
    return top;
  }

  /** Where {@code t} is declared inside {@code top}: its index in a depth-first walk of the types. */
  private static int declarationIndex(TypeElement top, TypeElement t) {
    int[] index = {0};
    return find(top, t, index) ? index[0] : Integer.MAX_VALUE;
  }

  private static boolean find(TypeElement current, TypeElement t, int[] index) {
    if (current.equals(t)) {
      return true;
    }
    for (Element e : current.getEnclosedElements()) {
      if (e instanceof TypeElement nested) {
        index[0]++;
        if (find(nested, t, index)) {
          return true;
        }
      }
    }
    return false;
  }

  private void processModel(TypeElement model) {
    ModelReader.ReadModel read = reader.read(model).orElse(null);
    if (read == null) {
      return; // javac reports what is wrong with the annotation itself
    }
    Analysis analysis = ModelChecker.check(read.declaration(), options.convention(), this::block);
    // top to bottom: the package's policies, the class, then each field in declaration order
    // (a stable sort keeps the checks' order on one annotation)
    List<Problem> problems = new ArrayList<>(analysis.problems());
    problems.sort(Comparator.comparingInt((Problem p) -> p.site().member())
        .thenComparingInt(p -> p.site().annotation()));
    for (Problem problem : problems) {
      reporter.report(read, problem);
    }
    analysis.summary().ifPresent(summary -> write(model, summary));
  }

  /** A block's declaration ({@code @Block(SomeBlock.class)}), read from its class by qualified name. */
  private java.util.Optional<dev.paramcheck.model.ModelDeclaration> block(String qualifiedName) {
    return blocks.computeIfAbsent(qualifiedName, name -> {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      return type == null ? java.util.Optional.empty() : reader.read(type).map(ModelReader.ReadModel::declaration);
    });
  }

  /** The blocks read so far, by qualified name. */
  private final java.util.Map<String, java.util.Optional<dev.paramcheck.model.ModelDeclaration>> blocks =
      new java.util.HashMap<>();

  /**
   * Whether a type of this name exists where the summary would go. Looks in the model's module
   * only: {@code getTypeElement(name)} searches every module of the JDK for a name it doesn't
   * find, which made this lookup most of the processor's own time per model.
   */
  private static boolean existing(Elements elements, TypeElement model, String name) {
    ModuleElement module = elements.getModuleOf(model);
    return (module == null ? elements.getTypeElement(name) : elements.getTypeElement(module, name)) != null;
  }

  private void write(TypeElement model, ModelSummary summary) {
    Elements elements = processingEnv.getElementUtils();
    ClassName name = SummaryWriter.summaryName(elements, model);
    if (existing(elements, model, name.canonicalName())) {
      reporter.report(Message.NAME_TAKEN, model, name.canonicalName(), model.getQualifiedName());
      return;
    }
    SummaryWriter.Layout layout = SummaryWriter.layout(summary);
    if (layout == SummaryWriter.Layout.TOO_LARGE) {
      reporter.report(Message.TOO_LARGE, model, model.getQualifiedName(), summary.layers().size());
      return;
    }
    if (layout == SummaryWriter.Layout.WITHOUT_BREAKDOWN) {
      reporter.report(Message.BREAKDOWN_LEFT_OUT, model, model.getQualifiedName(), summary.layers().size());
    }
    try {
      String table = Tables.render(summary, options.tableWidth());
      writer.write(writer.javaFile(model, name, summary, layout == SummaryWriter.Layout.FULL, table));
      written.add(name.canonicalName());
      if (options.records()) {
        records.write(model, name.canonicalName(), summary, table);
      }
    } catch (FilerException e) {
      reporter.report(Message.NAME_TAKEN, model, name.canonicalName(), model.getQualifiedName());
    } catch (IOException e) {
      reporter.report(Message.WRITE_FAILED, model, name.canonicalName(), e.getMessage());
    }
  }
}
