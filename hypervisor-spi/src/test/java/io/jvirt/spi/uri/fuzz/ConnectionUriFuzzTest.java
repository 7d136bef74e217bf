package io.jvirt.spi.uri.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.uri.ConnectionUri;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzzes the connection URI parser: only {@link HypervisorException} may come out; a parsed URI
 * prints as a URI that parses back to the same value; a password in the user part never shows in
 * the printed URI or in an error message.
 */
class ConnectionUriFuzzTest {
    private static final Pattern PASSWORD = Pattern.compile("^[^:/]+://[^/@:?#]*:([^/@?#]{4,})@");

    @FuzzTest(maxDuration = "45s")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Matcher m = PASSWORD.matcher(text);
        String password = m.find() && text.indexOf(m.group(1)) == text.lastIndexOf(m.group(1)) ? m.group(1) : null;
        ConnectionUri uri;
        try {
            uri = ConnectionUri.parse(text);
        } catch (HypervisorException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("an error without a message for " + text, e);
            }
            if (password != null && e.getMessage().contains(password)) {
                throw new AssertionError("the password shows in: " + e.getMessage());
            }
            return;
        }
        String printed = uri.toString();
        if (password != null && printed.contains(password) && !uri.scheme().contains(password)) {
            throw new AssertionError("the password shows in " + printed);
        }
        ConnectionUri again;
        try {
            again = ConnectionUri.parse(printed);
        } catch (HypervisorException e) {
            throw new AssertionError("'" + printed + "' (printed from '" + text + "') does not parse: " + e.getMessage(), e);
        }
        if (!again.equals(uri)) {
            throw new AssertionError("'" + text + "' -> " + uri + " -> '" + printed + "' -> " + again);
        }
    }
}
