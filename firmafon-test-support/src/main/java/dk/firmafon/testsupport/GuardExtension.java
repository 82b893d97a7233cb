package dk.firmafon.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The suite guard for JUnit Jupiter test classes, auto-detected through {@code META-INF/services}: captures every
 * throwable thrown out of a test or lifecycle method, and after each top-level test class (and once more when the
 * engine finishes) fails on a Netty leak report or a registered secret in any captured text.
 */
public final class GuardExtension
        implements BeforeAllCallback,
                AfterAllCallback,
                TestExecutionExceptionHandler,
                LifecycleMethodExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GuardExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Guards.install();
        context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(SuiteEnd.class, type -> new SuiteEnd(), SuiteEnd.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (isTopLevelClass(context)) {
            Guards.verify("after " + context.getRequiredTestClass().getName());
        }
    }

    private static boolean isTopLevelClass(ExtensionContext context) {
        return context.getParent().flatMap(ExtensionContext::getTestClass).isEmpty();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw captured("thrown out of test", context, throwable);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw captured("thrown out of @BeforeAll", context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw captured("thrown out of @BeforeEach", context, throwable);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw captured("thrown out of @AfterEach", context, throwable);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw captured("thrown out of @AfterAll", context, throwable);
    }

    private static Throwable captured(String what, ExtensionContext context, Throwable throwable) {
        Guards.thrown("an exception " + what + " " + context.getUniqueId(), throwable);
        return throwable;
    }

    /** Closed by Jupiter when the engine finishes: checks what the last test class left behind. */
    private static final class SuiteEnd implements AutoCloseable {
        @Override
        public void close() {
            Guards.verify("at the end of the suite");
        }
    }
}
