package dk.firmafon.testsupport;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import net.jqwik.api.lifecycle.AroundContainerHook;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;
import net.jqwik.api.lifecycle.PropagationMode;

/**
 * The suite guard for jqwik property classes (jqwik does not run Jupiter extensions), registered globally through
 * {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}: after each top-level container class, fails on
 * a Netty leak report or a registered secret in any captured text.
 */
public final class JqwikGuardHook implements AroundContainerHook {
    /** Registered globally, the hook sits on the engine: it must reach the property classes below it. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public boolean appliesTo(Optional<AnnotatedElement> element) {
        return element.filter(e -> e instanceof Class<?> type && type.getEnclosingClass() == null).isPresent();
    }

    @Override
    public void beforeContainer(ContainerLifecycleContext context) {
        Guards.install();
    }

    @Override
    public void afterContainer(ContainerLifecycleContext context) {
        Guards.verify("after " + context.label());
    }
}
