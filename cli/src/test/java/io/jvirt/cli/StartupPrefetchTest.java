package io.jvirt.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupPrefetchTest {
    private static boolean likely(Map<String, String> env, String... args) {
        return StartupPrefetch.vsphereUri(args, env) != null;
    }

    @Test
    void vsphereUrisAndSimulatorArePrepared() {
        assertTrue(likely(Map.of(), "-c", "esx://h/?no_verify=1", "list", "--all"));
        assertTrue(likely(Map.of(), "--auth-file", "/tmp/a", "--connect", "VPX://vc/dc/h", "list"));
        assertTrue(likely(Map.of(), "--connect=gsx://h/", "dominfo", "x"));
        assertTrue(likely(Map.of(), "-q", "--sim", "list"));
        assertTrue(likely(Map.of(), "--sim=vpx"));
        assertTrue(likely(Map.of("LIBVIRT_DEFAULT_URI", "esx://h/"), "list"));
        assertTrue(likely(Map.of("VIRSH_DEFAULT_CONNECT_URI", "esx://h/", "LIBVIRT_DEFAULT_URI", "test:///default"), "list"));
    }

    @Test
    void theTlsThreadGetsTheUriTheConnectionWillUse() {
        // the embedded simulator's connection trusts its certificate: no_verify=1 (the driver then
        // reads no CA certificates, TransportConfigTest)
        assertEquals("esx://127.0.0.1/?no_verify=1", StartupPrefetch.vsphereUri(new String[] {"--sim", "list"}, Map.of()));
        assertEquals("esx://h/?no_verify=1", StartupPrefetch.vsphereUri(new String[] {"-c", "esx://h/?no_verify=1", "list"}, Map.of()));
        assertEquals("esx://h/", StartupPrefetch.vsphereUri(new String[] {"-c", "esx://h/", "list"}, Map.of()));
    }

    @Test
    void otherUrisAndCommandWordsAreNot() {
        assertFalse(likely(Map.of(), "-c", "test:///default", "list"));
        assertFalse(likely(Map.of("LIBVIRT_DEFAULT_URI", "esx://h/"), "-c", "test:///default", "list"));
        assertFalse(likely(Map.of("VIRSH_DEFAULT_CONNECT_URI", "test:///default", "LIBVIRT_DEFAULT_URI", "esx://h/"), "list"));
        // words after the command are the command's, not jvirsh's options
        assertFalse(likely(Map.of(), "list", "-c", "esx://h/"));
        assertFalse(likely(Map.of(), "domxml-from-native", "--sim"));
        assertFalse(likely(Map.of()));
    }
}
