package io.jvirt.simulator.junit;

import io.jvirt.simulator.junit.VsphereSimulator.Lifecycle;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The JUnit 5 extension behind {@link VsphereSimulator}: starts simulators, keeps them in the
 * test's (or class's) extension store so JUnit stops them when that scope ends, and injects them
 * into fields and parameters.
 */
public final class VsphereSimulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(VsphereSimulatorExtension.class);

    /** Types a field or parameter may have. */
    private static final List<Class<?>> INJECTABLE =
            List.of(StartedSimulator.class, io.jvirt.simulator.VsphereSimulator.class, URI.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        for (Field field : annotatedFields(testClass)) {
            if (ModifierSupport.isStatic(field)) {
                VsphereSimulator settings = field.getAnnotation(VsphereSimulator.class);
                // a static field outlives the tests: one simulator for the class
                inject(field, null, started(classContext(context), settings));
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : annotatedFields(instance.getClass())) {
                if (!ModifierSupport.isStatic(field)) {
                    VsphereSimulator settings = field.getAnnotation(VsphereSimulator.class);
                    inject(field, instance, started(scope(context, settings), settings));
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (parameterContext.isAnnotated(VsphereSimulator.class)) {
            return INJECTABLE.contains(type);
        }
        // without its own annotation only the simulator types, and only in an annotated class
        return (type == StartedSimulator.class || type == io.jvirt.simulator.VsphereSimulator.class)
                && classSettings(extensionContext).isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        VsphereSimulator settings = parameterContext.findAnnotation(VsphereSimulator.class)
                .or(() -> classSettings(extensionContext))
                .orElseThrow(() -> new ParameterResolutionException("@VsphereSimulator missing for " + parameter));
        StartedSimulator started = started(scope(extensionContext, settings), settings);
        return valueFor(parameter.getType(), started, parameter.toString());
    }

    // ----- starting and keeping simulators

    /** The simulator with these settings in this scope, started on first use. */
    private static StartedSimulator started(ExtensionContext scope, VsphereSimulator settings) {
        // annotations with the same values are equal: one simulator per settings and scope
        RunningSimulator running = scope.getStore(NAMESPACE)
                .getOrComputeIfAbsent(settings, key -> start(settings), RunningSimulator.class);
        return running.started;
    }

    private static RunningSimulator start(VsphereSimulator settings) {
        if (settings.vms() < 0) {
            throw new ExtensionConfigurationException("@VsphereSimulator(vms = " + settings.vms() + "): must be 0 or more");
        }
        try {
            io.jvirt.simulator.VsphereSimulator simulator = io.jvirt.simulator.VsphereSimulator.builder()
                    .model(settings.model())
                    .vms(settings.vms())
                    .tls(settings.tls())
                    .build()
                    .start();
            return new RunningSimulator(new StartedSimulator(simulator));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the vSphere simulator: " + e.getMessage(), e);
        }
    }

    /**
     * Where a simulator lives: the class for {@link Lifecycle#PER_CLASS}; for
     * {@link Lifecycle#PER_TEST} the current test (or, for a constructor or {@code @BeforeAll}
     * parameter, the class, as there is no test yet).
     */
    private static ExtensionContext scope(ExtensionContext context, VsphereSimulator settings) {
        if (settings.lifecycle() == Lifecycle.PER_CLASS || context.getTestMethod().isEmpty()) {
            return classContext(context);
        }
        return context;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** The annotation on the test class or, for a {@code @Nested} class, on an enclosing one. */
    private static Optional<VsphereSimulator> classSettings(ExtensionContext context) {
        Optional<Class<?>> type = context.getTestClass();
        while (type.isPresent()) {
            Optional<VsphereSimulator> found = AnnotationSupport.findAnnotation(type.get(), VsphereSimulator.class);
            if (found.isPresent()) {
                return found;
            }
            type = Optional.ofNullable(type.get().getEnclosingClass());
        }
        return Optional.empty();
    }

    // ----- injecting

    private static List<Field> annotatedFields(Class<?> type) {
        return AnnotationSupport.findAnnotatedFields(type, VsphereSimulator.class, field -> true,
                HierarchyTraversalMode.TOP_DOWN);
    }

    private static void inject(Field field, Object instance, StartedSimulator started) {
        if (ModifierSupport.isFinal(field)) {
            throw new ExtensionConfigurationException("@VsphereSimulator field " + field + " must not be final");
        }
        Object value = valueFor(field.getType(), started, field.toString());
        try {
            field.setAccessible(true);
            field.set(instance, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException("cannot set @VsphereSimulator field " + field + ": " + e.getMessage(), e);
        }
    }

    private static Object valueFor(Class<?> type, StartedSimulator started, String target) {
        if (type == StartedSimulator.class) {
            return started;
        }
        if (type == io.jvirt.simulator.VsphereSimulator.class) {
            return started.simulator();
        }
        if (type == URI.class) {
            return started.sdkUrl();
        }
        throw new ExtensionConfigurationException("@VsphereSimulator on " + target + ": type " + type.getName()
                + " cannot be injected; use StartedSimulator, io.jvirt.simulator.VsphereSimulator or java.net.URI");
    }

    /**
     * A store value that JUnit closes when its scope ends: JUnit 5.13 and later close AutoCloseable
     * values (and warn about CloseableResource-only ones), earlier releases close CloseableResource
     * ones; closing twice is harmless.
     */
    @SuppressWarnings("deprecation")
    private static final class RunningSimulator implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final StartedSimulator started;

        RunningSimulator(StartedSimulator started) {
            this.started = started;
        }

        @Override
        public void close() {
            started.simulator().close();
        }
    }
}
