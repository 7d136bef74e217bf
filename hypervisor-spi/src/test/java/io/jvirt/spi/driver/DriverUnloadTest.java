package io.jvirt.spi.driver;

import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.driver.plugin.PluginDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A driver loaded by a plugin's class loader must not keep that loader alive once unused. */
class DriverUnloadTest {

    private static final String PLUGIN_PACKAGE = PluginDriver.class.getPackageName() + ".";

    /** Defines the plugin package itself (child-first), everything else comes from the parent. */
    private static final class PluginLoader extends URLClassLoader {
        PluginLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PLUGIN_PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    private static URLClassLoader pluginLoader(Path services) throws Exception {
        Path dir = services.resolve("META-INF/services");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(HypervisorDriver.class.getName()), PluginDriver.class.getName() + "\n");
        URL classes = PluginDriver.class.getProtectionDomain().getCodeSource().getLocation();
        return new PluginLoader(new URL[]{services.toUri().toURL(), classes}, DriverUnloadTest.class.getClassLoader());
    }

    /** Opens and closes one connection through the plugin; returns a weak reference to its loader. */
    private static WeakReference<ClassLoader> useOnce(Path services) throws Exception {
        URLClassLoader loader = pluginLoader(services);
        HypervisorDriver driver = DriverRegistry.forClassLoader(loader).driverFor("plugin").orElseThrow();
        assertSame(loader, driver.getClass().getClassLoader(), "the driver class must come from the plugin loader");
        assertNotSame(PluginDriver.class, driver.getClass());
        try (Connection c = ConnectionFactory.open("plugin:///", Authenticator.none(), Map.of(), loader)) {
            assertEquals("plugin-host", c.hostname());
            assertSame(loader, c.getClass().getClassLoader());
        }
        assertSame(DriverRegistry.forClassLoader(loader), DriverRegistry.forClassLoader(loader),
                "a registry in use is cached");
        loader.close();
        return new WeakReference<>(loader);
    }

    @Test
    void pluginLoaderIsCollectedAfterItsConnectionIsClosed(@TempDir Path services) throws Exception {
        WeakReference<ClassLoader> ref = useOnce(services);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ref.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertNull(ref.get(), "the plugin's class loader is still reachable (pinned by a cache)");
    }

    @Test
    void registryOfTheApplicationLoaderStaysCached() {
        ClassLoader app = DriverUnloadTest.class.getClassLoader();
        DriverRegistry first = DriverRegistry.forClassLoader(app);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        assertSame(first, DriverRegistry.forClassLoader(app),
                "drivers of a loader that cannot be unloaded are found once, not rescanned after every GC");
        assertFalse(first.schemes().contains("plugin"), "the plugin is not on the test class path");
        assertTrue(first.driverFor("plugin").isEmpty());
    }
}
