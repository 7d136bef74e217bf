package io.jvirt.spi.readonly;

import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.driver.DriverSchemes;
import io.jvirt.spi.driver.HypervisorDriver;
import io.jvirt.spi.uri.ConnectionUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ConnectionFactory#openReadOnly} and the {@code jvirt.readOnly} option, with a recording driver. */
class ReadOnlyFactoryTest {

    /** Remembers the options of its last open; its connections record their calls. */
    @DriverSchemes("rec")
    public static final class RecordingDriver implements HypervisorDriver {
        static volatile Map<String, ?> lastEnv;
        static volatile RecordingHandles last;

        @Override
        public String name() {
            return "REC";
        }

        @Override
        public Set<String> schemes() {
            return Set.of("rec");
        }

        @Override
        public Connection open(ConnectionUri uri, Authenticator auth, Map<String, ?> env) {
            lastEnv = env;
            last = new RecordingHandles();
            return last.connection;
        }
    }

    private static ClassLoader loader(Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(HypervisorDriver.class.getName()), RecordingDriver.class.getName() + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, ReadOnlyFactoryTest.class.getClassLoader());
    }

    @Test
    void openReadOnlyTellsTheDriverAndDeniesChangesBeforeAnyRequest(@TempDir Path dir) throws IOException {
        ClassLoader loader = loader(dir);
        try (Connection c = ConnectionFactory.openReadOnly("rec:///", Authenticator.none(), Map.of("k", "v"), loader)) {
            assertEquals(Map.of("k", "v", ConnectionFactory.READ_ONLY, Boolean.TRUE), RecordingDriver.lastEnv);
            assertTrue(c.isReadOnly());
            assertTrue(ReadOnlyHandles.isReadOnlyHandle(c));
            RecordingDriver.last.calls.clear();
            HypervisorException e = assertThrows(HypervisorException.class, () -> c.defineDomain("<domain/>"));
            assertEquals(ErrorCode.OPERATION_DENIED, e.code());
            assertEquals("operation forbidden: read only access prevents Connection.defineDomain",
                    e.code().present(e.getMessage()));
            assertThrows(HypervisorException.class, () -> c.lookupDomainByName("d").create());
            assertEquals(List.of("Connection.lookupDomainByName"), RecordingDriver.last.calls);
        }
        assertTrue(RecordingDriver.last.calls.contains("Connection.close"), "closing passes through");
    }

    @Test
    void theEnvFormIsTheSame(@TempDir Path dir) throws IOException {
        ClassLoader loader = loader(dir);
        for (Object yes : List.of(Boolean.TRUE, "true", "1")) {
            Connection c = ConnectionFactory.open("rec:///", Authenticator.none(), Map.of(ConnectionFactory.READ_ONLY, yes), loader);
            assertTrue(ReadOnlyHandles.isReadOnlyHandle(c), String.valueOf(yes));
            assertEquals(Boolean.TRUE, RecordingDriver.lastEnv.get(ConnectionFactory.READ_ONLY), "normalized for the driver");
            assertThrows(HypervisorException.class, () -> c.lookupNetworkByName("n").undefine());
        }
        for (Object no : List.of(Boolean.FALSE, "false", "0")) {
            Connection c = ConnectionFactory.open("rec:///", Authenticator.none(), Map.of(ConnectionFactory.READ_ONLY, no), loader);
            assertFalse(ReadOnlyHandles.isReadOnlyHandle(c), String.valueOf(no));
        }
        assertFalse(ReadOnlyHandles.isReadOnlyHandle(ConnectionFactory.open("rec:///", Authenticator.none(), Map.of(), loader)));
        HypervisorException e = assertThrows(HypervisorException.class, () -> ConnectionFactory.open("rec:///",
                Authenticator.none(), Map.of(ConnectionFactory.READ_ONLY, "yes"), loader));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals("option 'jvirt.readOnly' has unexpected value 'yes' (should be true or false)", e.getMessage());
    }
}
