package dev.paramcheck.processor;

import com.google.testing.compile.Compiler;
import dev.paramcheck.processor.FuzzModels.ModelDraft;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.JavaFileObject;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * "No crash, ever": thousands of random model declarations ({@link FuzzModels}: any layer mix and
 * order, zero, negative and extreme values, conflicting annotations, every kind of element),
 * compiled through the processor with javac. Every valid model's generated counts must equal an
 * exact reference ({@link FuzzOracle}, BigInteger arithmetic from Keras's formulas); every invalid
 * one must get an error in its own file on the line of an element at fault, and only errors the
 * reference expects there, never the same one twice; a count above {@code Long.MAX_VALUE} or over
 * a budget must always be reported; and nothing may crash ({@code [paramcheck:internal-error]} or
 * an exception out of the compiler). See {@link FuzzChecks}.
 *
 * <p>Each jqwik try is a batch of models ({@code -Dparamcheck.fuzz.batch}, default 250), each in
 * its own file: the valid ones compiled together (their classes loaded to read the constants), the
 * invalid ones together, the ones javac itself rejects together. The number of models is {@code
 * -Dparamcheck.fuzz.models} (default 10,000), the seed {@code -Dparamcheck.fuzz.seed} (fixed by
 * default, so a run is reproducible): {@code mvn test -Dtest=NoCrashPropertyTest
 * -Dparamcheck.fuzz.models=100000 -Dparamcheck.fuzz.seed=7}.
 */
class NoCrashPropertyTest {
  static final int MODELS = Integer.getInteger("paramcheck.fuzz.models", 10_000);
  static final int BATCH = Math.max(1, Integer.getInteger("paramcheck.fuzz.batch", 250));
  static final String SEED = System.getProperty("paramcheck.fuzz.seed", "4242424242");

  private static final FuzzChecks JAVAC = new FuzzChecks("javac", SEED, NoCrashPropertyTest::javac);
  private static final AtomicInteger BATCHES = new AtomicInteger();

  private static com.google.testing.compile.Compilation javac(List<JavaFileObject> sources) {
    return Compiler.javac()
        .withProcessors(new ParamCheckProcessor())
        .withOptions("-Xmaxerrs", "1000000", "-Xmaxwarns", "1000000")
        .compile(sources);
  }

  /**
   * Sets the tries (from the number of models) and the seed from the system properties, and prints
   * what the run covered. Outside jqwik's own hooks (proximity -100), which read both before the
   * first try.
   */
  static class Settings implements AroundPropertyHook {
    private final int models;
    private final String seed;
    private final FuzzChecks checks;

    Settings() {
      this(MODELS, SEED, JAVAC);
    }

    Settings(int models, String seed, FuzzChecks checks) {
      this.models = models;
      this.seed = seed;
      this.checks = checks;
    }

    @Override
    public int aroundPropertyProximity() {
      return -100;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
      int tries = (models + BATCH - 1) / BATCH;
      context.attributes().setTries(tries);
      context.attributes().setSeed(seed);
      long start = System.nanoTime();
      PropertyExecutionResult result = property.execute();
      checks.stats.print(checks.name, tries, seed, (System.nanoTime() - start) / 1e9);
      int compiled = checks.stats.models.get();
      if (result.status() == PropertyExecutionResult.Status.SUCCESSFUL && compiled < models) {
        return result.mapToFailed("only " + compiled + " models were compiled, fewer than " + models);
      }
      return result;
    }
  }

  @Provide
  static Arbitrary<List<ModelDraft>> batches() {
    return FuzzModels.modelDraft().list().ofSize(BATCH);
  }

  @AddLifecycleHook(Settings.class)
  @Property(
      tries = 1, // set by Settings from paramcheck.fuzz.models
      shrinking = ShrinkingMode.OFF, // a failure prints each failing model's source, small enough
      edgeCases = EdgeCasesMode.NONE, // the generators mix in extreme values themselves
      afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void everyModelIsCountedOrRejectedWhereItIsWrong(@ForAll("batches") List<ModelDraft> drafts) {
    JAVAC.check(BATCHES.getAndIncrement(), drafts);
  }
}
