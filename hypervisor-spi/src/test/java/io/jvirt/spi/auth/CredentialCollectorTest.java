package io.jvirt.spi.auth;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.uri.ConnectionUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialCollectorTest {
    /** An environment that points at no auth file, so the machine's own files do not interfere. */
    private static Map<String, String> noFile(Path dir) {
        return Map.of("XDG_CONFIG_HOME", dir.toString(), "HOME", dir.toString());
    }

    @Test
    void promptsExactlyLikeVirsh(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Authenticator console = Authenticator.prompting(new BufferedReader(new StringReader("\nhunter2\n")),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        ConnectionUri uri = ConnectionUri.parse("esx://example.com/");
        CredentialCollector c = new CredentialCollector("esx", console, uri, noFile(dir));
        String user = c.username(uri, "example.com", "root");
        assertEquals("root", user, "empty answer takes the default");
        assertEquals("hunter2", c.password(user, "example.com").reveal());
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("Enter username for example.com [root]: Enter root password for example.com: "), shown);
        assertFalse(shown.contains("hunter2"));
    }

    @Test
    void uriUserSkipsTheQuestion(@TempDir Path dir) {
        ConnectionUri uri = ConnectionUri.parse("esx://admin@example.com/");
        CredentialCollector c = new CredentialCollector("esx", Authenticator.none(), uri, noFile(dir));
        assertEquals("admin", c.username(uri, "example.com", "root"));
    }

    @Test
    void authFileIsConsultedFirst(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("auth.conf");
        Files.writeString(conf, AuthConfigTest.CONF);
        ConnectionUri uri = ConnectionUri.parse("esx://esx1.example.com/");
        CredentialCollector c = new CredentialCollector("esx", null, uri, Map.of("LIBVIRT_AUTH_FILE", conf.toString()));
        assertEquals("root", c.username(uri, "esx1.example.com", "root"));
        assertEquals("s3cret", c.password("root", "esx1.example.com").reveal());
    }

    @Test
    void missingAuthenticatorAndTypesAndDeclines(@TempDir Path dir) {
        ConnectionUri uri = ConnectionUri.parse("esx://h/");
        HypervisorException none = assertThrows(HypervisorException.class,
                () -> new CredentialCollector("esx", null, uri, noFile(dir)).password("root", "h"));
        assertEquals(ErrorCode.AUTH_UNAVAILABLE, none.code());
        HypervisorException types = assertThrows(HypervisorException.class,
                () -> new CredentialCollector("esx", Authenticator.none(), uri, noFile(dir)).password("root", "h"));
        assertEquals(ErrorCode.AUTH_FAILED, types.code());
        assertTrue(types.getMessage().contains("PASSPHRASE"));
        Authenticator declines = Authenticator.prompting(new BufferedReader(new StringReader("")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        HypervisorException declined = assertThrows(HypervisorException.class,
                () -> new CredentialCollector("esx", declines, uri, noFile(dir)).password("root", "h"));
        assertEquals(ErrorCode.AUTH_FAILED, declined.code());
        assertTrue(declined.getMessage().contains("Password request failed"));
    }

    @Test
    void fixedAndChainedAuthenticatorsNeverShowSecrets() {
        Authenticator fixed = Authenticator.fixed("root", "pw".toCharArray());
        assertFalse(fixed.toString().contains("pw)"));
        CredentialRequest pass = new CredentialRequest(CredentialType.PASSPHRASE, "esx", "p", "h", null);
        Authenticator chain = Authenticator.chain(Authenticator.none(), fixed);
        Secret s = chain.answer(pass).orElseThrow();
        assertEquals("pw", s.reveal());
        assertEquals("Secret[****]", s.toString());
        s.clear();
        assertEquals("\0\0", s.reveal());
    }
}
