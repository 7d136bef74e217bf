package io.jvirt.spi.driver;

import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Authenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriverDiscoveryTest {

    private static ClassLoader loaderWith(Path dir, String... driverClasses) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(HypervisorDriver.class.getName()), String.join("\n", driverClasses) + "\n");
        return new URLClassLoader(new URL[]{dir.toUri().toURL()}, DriverDiscoveryTest.class.getClassLoader());
    }

    private static HypervisorException open(ClassLoader loader, String uri) {
        return assertThrows(HypervisorException.class,
                () -> ConnectionFactory.open(uri, Authenticator.none(), Map.of(), loader));
    }

    @Test
    void findsDriverByAnyOfItsSchemesLazilyAndOnce(@TempDir Path dir) throws Exception {
        ClassLoader loader = loaderWith(dir, FakeDrivers.Alpha.class.getName(), FakeDrivers.Beta.class.getName());
        DriverRegistry registry = DriverRegistry.forClassLoader(loader);
        assertEquals(Set.of("alpha", "alpha2", "beta"), registry.schemes());
        int before = FakeDrivers.ALPHA_INSTANCES.get();
        HypervisorDriver a = registry.driverFor("alpha").orElseThrow();
        HypervisorDriver a2 = registry.driverFor("alpha2").orElseThrow();
        assertSame(a, a2, "one instance per driver class");
        assertEquals(before + 1, FakeDrivers.ALPHA_INSTANCES.get());
        assertSame(registry, DriverRegistry.forClassLoader(loader), "registries are cached per class loader");
        UnsupportedOperationException opened = assertThrows(UnsupportedOperationException.class,
                () -> ConnectionFactory.open("alpha://h/", Authenticator.none(), Map.of(), loader));
        assertTrue(opened.getMessage().contains("alpha://h/"), "Beta was never created: " + opened.getMessage());
    }

    @Test
    void twoDriversForOneSchemeIsAnErrorNamingBoth(@TempDir Path dir) throws Exception {
        ClassLoader loader = loaderWith(dir, FakeDrivers.Alpha.class.getName(), FakeDrivers.AlphaClone.class.getName());
        HypervisorException e = open(loader, "alpha://h/");
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains(FakeDrivers.Alpha.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(FakeDrivers.AlphaClone.class.getName()), e.getMessage());
        // the scheme only one of them claims still works
        assertEquals("ALPHA", DriverRegistry.forClassLoader(loader).driverFor("alpha2").orElseThrow().name());
    }

    @Test
    void unknownSchemeListsInstalledOnes(@TempDir Path dir) throws Exception {
        ClassLoader loader = loaderWith(dir, FakeDrivers.Alpha.class.getName());
        HypervisorException e = open(loader, "qemu:///system");
        assertEquals(ErrorCode.NO_CONNECT, e.code());
        assertTrue(e.getMessage().contains("'qemu'") && e.getMessage().contains("alpha, alpha2"), e.getMessage());
    }

    @Test
    void knownSchemeWithoutItsJarNamesTheArtifact(@TempDir Path dir) throws Exception {
        ClassLoader loader = loaderWith(dir, FakeDrivers.Alpha.class.getName());
        HypervisorException e = open(loader, "esx://example.com/");
        assertEquals(ErrorCode.NO_CONNECT, e.code());
        assertTrue(e.getMessage().contains("without the 'esx' driver") && e.getMessage().contains("io.jvirt:esx-driver"),
                e.getMessage());
    }

    @Test
    void remoteTransportSchemesExplainTheDirectUri(@TempDir Path dir) throws Exception {
        ClassLoader loader = loaderWith(dir, FakeDrivers.Alpha.class.getName());
        for (String s : new String[]{"esx+ssh", "esx+tcp", "vpx+tls", "gsx+unix"}) {
            HypervisorException e = open(loader, s + "://example.com/");
            assertEquals(ErrorCode.INVALID_ARG, e.code());
            String base = s.substring(0, 3);
            assertTrue(e.getMessage().contains("'" + base + "://example.com/'") && e.getMessage().contains("client-side only"),
                    e.getMessage());
        }
        HypervisorException alpha = open(loader, "alpha+ssh://h/");
        assertTrue(alpha.getMessage().contains("alpha://h/"), alpha.getMessage());
    }

    @Test
    void remoteOnlyDriverRejectsUriWithoutServer(@TempDir Path dir) throws Exception {
        ClassLoader loader = loaderWith(dir, FakeDrivers.Alpha.class.getName());
        HypervisorException e = open(loader, "alpha:///");
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertTrue(e.getMessage().contains("missing the server part"), e.getMessage());
    }

    @Test
    void providerWithoutAnnotationIsReported(@TempDir Path dir) throws Exception {
        ClassLoader loader = loaderWith(dir, Unannotated.class.getName());
        HypervisorException e = open(loader, "x://h/");
        assertTrue(e.getMessage().contains("@DriverSchemes"), e.getMessage());
    }

    @Test
    void brokenRegistrationIsReported(@TempDir Path dir) throws Exception {
        ClassLoader loader = loaderWith(dir, "com.example.DoesNotExist");
        HypervisorException e = open(loader, "x://h/");
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("com.example.DoesNotExist"), e.getMessage());
    }

    /** A provider that forgot its annotation. */
    public static final class Unannotated extends FakeDriversBase {
    }

    /** Base for {@link Unannotated}. */
    public abstract static class FakeDriversBase implements HypervisorDriver {
        @Override
        public String name() {
            return "X";
        }

        @Override
        public Set<String> schemes() {
            return Set.of("x");
        }

        @Override
        public io.jvirt.spi.Connection open(io.jvirt.spi.uri.ConnectionUri uri, Authenticator auth, Map<String, ?> env) {
            throw new UnsupportedOperationException();
        }
    }
}
