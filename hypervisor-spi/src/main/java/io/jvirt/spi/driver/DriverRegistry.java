package io.jvirt.spi.driver;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The drivers visible from one class loader, found with {@link ServiceLoader}. Providers are
 * filtered by their {@link DriverSchemes} annotation before any is instantiated, and a driver is
 * created at most once per registry. Registries are cached per class loader; this cache is the
 * only static mutable state of the SPI.
 *
 * <p>The cache never keeps a class loader alive: its keys are weak, and a registry whose drivers
 * were defined by the key loader (or a loader below it, as for a plugin in an application server)
 * is held only weakly too, since it references the driver classes and through them the loader.
 * Such a registry lives as long as somebody uses it and is rebuilt (with new driver instances)
 * when asked for again after it was collected. A registry whose drivers all come from loaders
 * above the key (the usual case: the application class loader) is held for the key's life.
 */
public final class DriverRegistry {
    /** loader -> DriverRegistry, or WeakReference of one when the registry reaches the loader. */
    private static final Map<ClassLoader, Object> CACHE = new WeakHashMap<>();

    /** scheme -> providers declaring it (more than one is a configuration error). */
    private final Map<String, List<ServiceLoader.Provider<HypervisorDriver>>> providers;
    private final Map<String, HypervisorDriver> instances = new ConcurrentHashMap<>();

    private DriverRegistry(ClassLoader loader) {
        Map<String, List<ServiceLoader.Provider<HypervisorDriver>>> byScheme = new TreeMap<>();
        ServiceLoader<HypervisorDriver> loader0 = ServiceLoader.load(HypervisorDriver.class, loader);
        try {
            loader0.stream().forEach(p -> {
                DriverSchemes schemes = p.type().getAnnotation(DriverSchemes.class);
                if (schemes == null) {
                    throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CORE,
                            "driver class " + p.type().getName() + " lacks the @DriverSchemes annotation");
                }
                for (String s : schemes.value()) {
                    byScheme.computeIfAbsent(s, k -> new ArrayList<>()).add(p);
                }
            });
        } catch (ServiceConfigurationError e) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CORE,
                    "broken driver registration on the class path: " + e.getMessage(), e);
        }
        this.providers = byScheme;
    }

    /** The registry for a class loader (cached). */
    public static DriverRegistry forClassLoader(ClassLoader loader) {
        ClassLoader key = loader != null ? loader : ClassLoader.getSystemClassLoader();
        synchronized (CACHE) {
            Object cached = CACHE.get(key);
            DriverRegistry registry = cached instanceof DriverRegistry r ? r
                    : cached instanceof WeakReference<?> w ? (DriverRegistry) w.get() : null;
            if (registry == null) {
                registry = new DriverRegistry(key);
                CACHE.put(key, registry.reaches(key) ? new WeakReference<>(registry) : registry);
            }
            return registry;
        }
    }

    /** Forgets the cached registry of a class loader (after plugins were added at run time). */
    public static void reset(ClassLoader loader) {
        synchronized (CACHE) {
            CACHE.remove(loader != null ? loader : ClassLoader.getSystemClassLoader());
        }
    }

    /** Whether a driver class of this registry was defined by {@code loader} or a loader below it. */
    private boolean reaches(ClassLoader loader) {
        for (List<ServiceLoader.Provider<HypervisorDriver>> list : providers.values()) {
            for (ServiceLoader.Provider<HypervisorDriver> p : list) {
                for (ClassLoader l = p.type().getClassLoader(); l != null; l = l.getParent()) {
                    if (l == loader) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Every scheme some installed driver declares, sorted. */
    public Set<String> schemes() {
        return Collections.unmodifiableSet(new TreeSet<>(providers.keySet()));
    }

    /**
     * The driver owning {@code scheme}, instantiated on first use; empty when none. Two drivers
     * declaring the same scheme is an error naming both classes.
     */
    public Optional<HypervisorDriver> driverFor(String scheme) {
        List<ServiceLoader.Provider<HypervisorDriver>> candidates = providers.get(scheme);
        if (candidates == null || candidates.isEmpty()) {
            return Optional.empty();
        }
        if (candidates.size() > 1) {
            List<String> names = candidates.stream().map(p -> p.type().getName()).distinct().sorted().toList();
            if (names.size() > 1) {
                throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CORE,
                        "URI scheme '" + scheme + "' is claimed by more than one driver: " + String.join(" and ", names)
                                + "; remove one of them from the class path");
            }
        }
        ServiceLoader.Provider<HypervisorDriver> provider = candidates.get(0);
        return Optional.of(instances.computeIfAbsent(provider.type().getName(), k -> instantiate(provider, scheme)));
    }

    private static HypervisorDriver instantiate(ServiceLoader.Provider<HypervisorDriver> provider, String scheme) {
        HypervisorDriver driver;
        try {
            driver = provider.get();
        } catch (ServiceConfigurationError e) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CORE,
                    "cannot create driver " + provider.type().getName() + ": " + e.getMessage(), e);
        }
        if (!driver.schemes().contains(scheme)) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CORE,
                    "driver " + provider.type().getName() + " declares scheme '" + scheme
                            + "' in @DriverSchemes but not in schemes()");
        }
        return driver;
    }
}
