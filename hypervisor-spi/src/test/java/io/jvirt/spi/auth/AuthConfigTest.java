package io.jvirt.spi.auth;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.uri.ConnectionUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthConfigTest {
    static final String CONF = """
            # comment
            [credentials-esx]
            username=root
            password=s3cret

            [credentials-fallback]
            username=other
            password=pw

            [auth-esx-esx1.example.com]
            credentials=esx

            [auth-esx-default]
            credentials=fallback
            """;

    @Test
    void looksUpByServiceAndHostThenDefault() {
        AuthConfig c = AuthConfig.parse(CONF, "auth.conf");
        assertEquals(Optional.of("root"), c.lookup("esx", "esx1.example.com", "username"));
        assertEquals(Optional.of("s3cret"), c.lookup("esx", "esx1.example.com", "password"));
        assertEquals(Optional.of("other"), c.lookup("esx", "esx2.example.com", "username"));
        assertEquals(Optional.empty(), c.lookup("test", "esx1.example.com", "username"));
    }

    @Test
    void syntaxErrorNamesLineAndNeverTheWholeLine() {
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> AuthConfig.parse("[credentials-x]\nusername=root\nmypassword\n", "f.conf"));
        assertEquals(ErrorCode.CONF_SYNTAX, e.code());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertThrows(HypervisorException.class, () -> AuthConfig.parse("key=value\n", "f.conf"));
        assertThrows(HypervisorException.class, () -> AuthConfig.parse("[broken\n", "f.conf"));
    }

    @Test
    void missingCredentialSetIsAnError() {
        AuthConfig c = AuthConfig.parse("[auth-esx-h]\ncredentials=nope\n", "f.conf");
        HypervisorException e = assertThrows(HypervisorException.class, () -> c.lookup("esx", "h", "username"));
        assertTrue(e.getMessage().contains("credentials-nope"));
    }

    @Test
    void asAuthenticatorAnswersUsernameAndPassword() {
        Authenticator a = AuthConfig.parse(CONF, "auth.conf").asAuthenticator();
        CredentialRequest user = new CredentialRequest(CredentialType.AUTHNAME, "esx", "p", "esx1.example.com", "root");
        CredentialRequest pass = new CredentialRequest(CredentialType.PASSPHRASE, "esx", "p", "esx1.example.com", null);
        assertEquals("root", a.answer(user).orElseThrow().reveal());
        assertEquals("s3cret", a.answer(pass).orElseThrow().reveal());
        assertFalse(a.toString().contains("s3cret"));
    }

    @Test
    void locateFollowsLibvirtOrder(@TempDir Path dir) throws Exception {
        Path env = dir.resolve("env.conf");
        Path param = dir.resolve("param.conf");
        Path xdg = dir.resolve("xdg");
        Files.createDirectories(xdg.resolve("libvirt"));
        Files.writeString(xdg.resolve("libvirt/auth.conf"), CONF);
        ConnectionUri uri = ConnectionUri.parse("esx://h/?authfile=" + param);
        assertEquals(Optional.of(env), AuthConfig.locate(uri, Map.of("LIBVIRT_AUTH_FILE", env.toString())));
        assertEquals(Optional.of(param), AuthConfig.locate(uri, Map.of()));
        assertEquals(Optional.of(xdg.resolve("libvirt/auth.conf")),
                AuthConfig.locate(ConnectionUri.parse("esx://h/"), Map.of("XDG_CONFIG_HOME", xdg.toString())));
    }

    @Test
    void environmentTakesTheLocateVariablesFromTheOptions(@TempDir Path dir) {
        assertSame(System.getenv(), AuthConfig.environment(Map.of("esx.pageSize", 10)));
        assertSame(System.getenv(), AuthConfig.environment(null));
        Map<String, String> env = AuthConfig.environment(Map.of("LIBVIRT_AUTH_FILE", dir.resolve("a.conf"),
                "XDG_CONFIG_HOME", "/x", "esx.pageSize", 10));
        assertEquals(dir.resolve("a.conf").toString(), env.get("LIBVIRT_AUTH_FILE"));
        assertEquals("/x", env.get("XDG_CONFIG_HOME"));
        assertEquals(System.getenv("PATH"), env.get("PATH"), "the rest is the process environment");
        assertFalse(env.containsKey("esx.pageSize"));
    }

    @Test
    void unreadableFileIsAClearError(@TempDir Path dir) {
        HypervisorException e = assertThrows(HypervisorException.class, () -> AuthConfig.load(dir.resolve("missing.conf")));
        assertEquals(ErrorCode.AUTH_FAILED, e.code());
        assertTrue(e.getMessage().contains("missing.conf"));
    }
}
