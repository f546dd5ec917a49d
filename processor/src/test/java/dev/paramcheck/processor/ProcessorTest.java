package dev.paramcheck.processor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A processor test, run once under each {@link TestCompiler}: the report shows {@code [javac]} and
 * {@code [ecj]} under the method, which takes the compiler as its parameter (after MapStruct's
 * {@code @ProcessorTest}). See {@link ProcessorTestExtension}.
 *
 * <pre>{@code
 * @ProcessorTest
 * void nonPositiveUnits(TestCompiler compiler) {
 *   JavaFileObject f = model("public class M {", "  @Lstm(features = 4, units = 0) Object encoder;", "}");
 *   compiler.assertOnlyError(compiler.compile(f), f, "[paramcheck:invalid-value] units = 0", "units = 0");
 * }
 *
 * @ProcessorTest(skip = TestCompiler.ECJ, because = "ecj words this error itself: see EclipseCompilerTest.x")
 * void javacOnly(TestCompiler compiler) { ... }
 * }</pre>
 *
 * <p>A skipped compiler's invocation is still listed, as disabled with {@link #because}, which
 * must then say why (the test fails to start otherwise).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(ProcessorTestExtension.class)
@interface ProcessorTest {
  /** The compilers this case does not run under; {@link #because} says why. */
  TestCompiler[] skip() default {};

  /** Why the compilers in {@link #skip} are skipped: shown as the reason of the disabled invocation. */
  String because() default "";
}
