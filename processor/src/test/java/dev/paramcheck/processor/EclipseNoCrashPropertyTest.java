package dev.paramcheck.processor;

import dev.paramcheck.processor.FuzzModels.Container;
import dev.paramcheck.processor.FuzzModels.ModelDraft;
import dev.paramcheck.processor.FuzzModels.Mutation;
import dev.paramcheck.processor.FuzzModels.MutationKind;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * {@link NoCrashPropertyTest} under the Eclipse compiler ({@link Ecj}): the same random models and
 * checks, fewer of them by default ({@code -Dparamcheck.fuzz.ecj.models}, default 3,000; the seed
 * is {@code -Dparamcheck.fuzz.seed} as there), since ecj needs every source written to disk. Records
 * and enums are declared as classes here, see {@link #adapt}.
 */
class EclipseNoCrashPropertyTest {
  static final int MODELS = Integer.getInteger("paramcheck.fuzz.ecj.models", 3_000);

  private static final FuzzChecks ECJ = new FuzzChecks(
      "ecj", NoCrashPropertyTest.SEED, sources -> Ecj.compile(List.of(), sources), EclipseNoCrashPropertyTest::adapt);

  /**
   * What ecj 3.46 does differently, left out here and tested in {@link EclipseCompilerTest}:
   *
   * <ul>
   *   <li>Records and enums become classes: a record whose layers are all on its components is not
   *       found at all, and errors on enum constants, record components and record classes come
   *       without file and line ({@link EclipseCompilerTest#recordComponentLayersAreNotFound},
   *       {@link EclipseCompilerTest#errorsOnEnumConstantsAndRecordsHaveNoPosition}), which the checks
   *       here cannot tell apart from a misplaced error.
   *   <li>No {@code @ParamBudget(max = 1.5)}: ecj rejects it but shows processors {@code max = 1}, so
   *       paramcheck goes on with that value ({@link EclipseCompilerTest#aDoubleBudgetReachesTheProcessorAsALong}).
   * </ul>
   */
  static ModelDraft adapt(ModelDraft d) {
    Container c = d.container();
    switch (c) {
      case RECORD:
      case ENUM:
        c = Container.CLASS;
        break;
      case NESTED_RECORD:
      case NESTED_ENUM:
        c = Container.STATIC_NESTED_CLASS;
        break;
      default:
        break;
    }
    List<Mutation> mutations = d.mutations().stream()
        .filter(m -> !(m.kind() == MutationKind.JAVAC_BROKEN && FuzzModels.brokenAnnotation(m).contains("1.5")))
        .toList();
    return new ModelDraft(c, d.classModel(), d.chaos(), d.layers(), mutations, d.modelBudget(), d.styleSeed());
  }
  private static final AtomicInteger BATCHES = new AtomicInteger();

  static final class Settings extends NoCrashPropertyTest.Settings {
    Settings() {
      super(MODELS, NoCrashPropertyTest.SEED, ECJ);
    }
  }

  @Provide
  Arbitrary<List<ModelDraft>> batches() {
    return NoCrashPropertyTest.batches();
  }

  @AddLifecycleHook(Settings.class)
  @Property(
      tries = 1, // set by Settings from paramcheck.fuzz.ecj.models
      shrinking = ShrinkingMode.OFF,
      edgeCases = EdgeCasesMode.NONE,
      afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void everyModelIsCountedOrRejectedWhereItIsWrong(@ForAll("batches") List<ModelDraft> drafts) {
    ECJ.check(BATCHES.getAndIncrement(), drafts);
  }
}
