package dk.firmafon.testkit;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running one {@link FakeFirmafon} per test class, {@link FakeFirmafon#reset() reset} before each
 * test (seeded data, default token, no faults, empty journal). It injects the fake into test and lifecycle method
 * parameters of type {@link FakeFirmafon}.
 *
 * <pre>{@code
 * class CallsTest {
 *   @RegisterExtension
 *   static final FakeFirmafonExtension FAKE = new FakeFirmafonExtension();
 *
 *   @Test
 *   void listsCalls(FakeFirmafon fake) {
 *     URI calls = URI.create(fake.baseUri() + "/calls");   // or FAKE.fake().baseUri()
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>{@code @ExtendWith(FakeFirmafonExtension.class)} works too (with parameter injection). Registered on an instance
 * field (not static), each test gets a fake of its own, stopped after the test.
 */
public final class FakeFirmafonExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private final Supplier<FakeFirmafon.Builder> options;
    private volatile @Nullable FakeFirmafon fake;
    private volatile boolean fresh;

    /** A fake with the defaults of {@link FakeFirmafon#builder()}. */
    public FakeFirmafonExtension() {
        this(FakeFirmafon::builder);
    }

    /** A fake started from the given builder (e.g. another client id or redirect URI). */
    public FakeFirmafonExtension(FakeFirmafon.Builder builder) {
        this(() -> builder);
    }

    private FakeFirmafonExtension(Supplier<FakeFirmafon.Builder> options) {
        this.options = options;
    }

    /** The running fake; {@link IllegalStateException} outside the tests of the class. */
    public FakeFirmafon fake() {
        FakeFirmafon running = fake;
        if (running == null) {
            throw new IllegalStateException("the fake Firmafon runs only while the tests of the class run");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureStarted();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (fake == null) {
            // registered on an instance field: no beforeAll, so a fake for this test alone, closed by JUnit after it
            context.getStore(ExtensionContext.Namespace.create(FakeFirmafonExtension.class, context.getUniqueId()))
                    .put(FakeFirmafon.class, ensureStarted());
        }
        FakeFirmafon running = ensureStarted();
        if (fresh) {
            fresh = false;
        } else {
            running.reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        FakeFirmafon running = fake;
        fake = null;
        if (running != null) {
            running.close();
        }
    }

    private synchronized FakeFirmafon ensureStarted() {
        FakeFirmafon running = fake;
        if (running == null) {
            running = options.get().start();
            fake = running;
            fresh = true;
        }
        return running;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == FakeFirmafon.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return ensureStarted();
    }
}
