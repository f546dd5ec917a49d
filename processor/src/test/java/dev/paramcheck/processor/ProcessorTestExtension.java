package dev.paramcheck.processor;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a {@link ProcessorTest} once per {@link TestCompiler}: each invocation is named after its
 * compiler ({@code [javac]}, {@code [ecj]}), gets that compiler as its {@code TestCompiler}
 * parameter, and is disabled, with the test's reason, when the test skips that compiler.
 */
final class ProcessorTestExtension implements TestTemplateInvocationContextProvider {
  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, ProcessorTest.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    ProcessorTest test = AnnotationSupport.findAnnotation(method, ProcessorTest.class).orElseThrow();
    Set<TestCompiler> skipped = Set.copyOf(Arrays.asList(test.skip()));
    if (!skipped.isEmpty() && test.because().isBlank()) {
      throw new ExtensionConfigurationException(
          method + " skips " + skipped + " without saying why: add because = \"...\" to @ProcessorTest");
    }
    if (skipped.containsAll(List.of(TestCompiler.values()))) {
      throw new ExtensionConfigurationException(method + " skips every compiler: make it a @Test, or remove it");
    }
    return Arrays.stream(TestCompiler.values())
        .map(compiler -> new Invocation(compiler, skipped.contains(compiler) ? test.because() : null));
  }

  /** One compiler's run of the test; {@code skipReason} null when it runs. */
  private static final class Invocation implements TestTemplateInvocationContext {
    private final TestCompiler compiler;
    private final String skipReason;

    Invocation(TestCompiler compiler, String skipReason) {
      this.compiler = compiler;
      this.skipReason = skipReason;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
      return "[" + compiler.displayName() + "]";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      ParameterResolver resolver = new ParameterResolver() {
        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
          return p.getParameter().getType() == TestCompiler.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
          return compiler;
        }
      };
      ExecutionCondition condition = e -> skipReason == null
          ? ConditionEvaluationResult.enabled("runs under " + compiler.displayName())
          : ConditionEvaluationResult.disabled("skipped under " + compiler.displayName() + ": " + skipReason);
      return List.of(resolver, condition);
    }
  }
}
