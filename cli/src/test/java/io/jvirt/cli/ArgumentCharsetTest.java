package io.jvirt.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Arguments Java decoded as ASCII under a C locale are read back from the process's cmdline bytes. */
class ArgumentCharsetTest {

    private static byte[] cmdline(String... words) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String w : words) {
            b.writeBytes(w.getBytes(StandardCharsets.UTF_8));
            b.write(0);
        }
        return b.toByteArray();
    }

    @Test
    void replacementCharactersAreReadBackAsUtf8() {
        byte[] raw = cmdline("java", "-jar", "jvirsh.jar", "-c", "test:///default", "dominfo", "probe-utf8-\u4f4d");
        String[] javaSaw = {"-c", "test:///default", "dominfo", "probe-utf8-\ufffd\ufffd\ufffd"};
        assertArrayEquals(new String[] {"-c", "test:///default", "dominfo", "probe-utf8-\u4f4d"},
                ArgumentCharset.recover(javaSaw, raw));
    }

    @Test
    void argumentsThatDoNotMatchTheirBytesAreKept() {
        byte[] raw = cmdline("java", "-jar", "jvirsh.jar", "dominfo", "other-\u4f4d");
        String[] javaSaw = {"dominfo", "probe-utf8-\ufffd\ufffd\ufffd"};
        assertArrayEquals(javaSaw, ArgumentCharset.recover(javaSaw, raw));
        // bytes that are not UTF-8 (latin-1 'é') stay as Java decoded them
        byte[] latin1 = {'j', 0, 'c', 'a', 'f', (byte) 0xe9, 0};
        String[] saw = {"caf\ufffd"};
        assertArrayEquals(saw, ArgumentCharset.recover(saw, latin1));
    }
}
