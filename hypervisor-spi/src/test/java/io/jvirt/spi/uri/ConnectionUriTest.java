package io.jvirt.spi.uri;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionUriTest {

    @Test
    void parsesAllParts() {
        ConnectionUri u = ConnectionUri.parse("vpx://admin@vc.example.com:8443/dc1/cluster1/host1?no_verify=1&transport=https");
        assertEquals("vpx", u.scheme());
        assertEquals("admin", u.user());
        assertEquals("vc.example.com", u.host());
        assertEquals(8443, u.port());
        assertEquals("/dc1/cluster1/host1", u.path());
        assertEquals(List.of(new ConnectionUri.QueryParameter("no_verify", "1"),
                new ConnectionUri.QueryParameter("transport", "https")), u.parameters());
    }

    @Test
    void missingPartsHaveDefaults() {
        ConnectionUri u = ConnectionUri.parse("esx://host");
        assertNull(u.user());
        assertEquals(-1, u.port());
        assertEquals("", u.path());
        assertTrue(u.parameters().isEmpty());
        assertTrue(u.hasServer());
        assertEquals(443, u.portOr(443));
    }

    @Test
    void localUriHasNoServer() {
        ConnectionUri u = ConnectionUri.parse("test:///default");
        assertFalse(u.hasServer());
        assertEquals("/default", u.path());
    }

    @Test
    void percentDecodingAndNoPlusToSpace() {
        ConnectionUri u = ConnectionUri.parse("vpx://my%20user@vc/Folder%201/dc?proxy=a+b&x=%2F");
        assertEquals("my user", u.user());
        assertEquals("/Folder 1/dc", u.path());
        assertEquals("a+b", u.parameter("proxy").orElseThrow());
        assertEquals("/", u.parameter("x").orElseThrow());
    }

    @Test
    void queryRules() {
        ConnectionUri u = ConnectionUri.parse("esx://h/?NO_VERIFY=0&&=skipped&bare&no_verify=1");
        assertEquals("1", u.parameter("no_verify").orElseThrow(), "later occurrence wins, names case-insensitive");
        assertEquals("", u.parameter("bare").orElseThrow());
        assertEquals(3, u.parameters().size());
        ConnectionUri semi = ConnectionUri.parse("esx://h/?a=1;b=2");
        assertEquals("1", semi.parameter("a").orElseThrow());
        assertEquals("2", semi.parameter("b").orElseThrow());
        ConnectionUri mixed = ConnectionUri.parse("esx://h/?a=1;b=2&c=3");
        assertEquals("1;b=2", mixed.parameter("a").orElseThrow(), "';' separates only when no '&' remains");
    }

    @Test
    void ipv6Literal() {
        ConnectionUri u = ConnectionUri.parse("esx://[::1]:8443/");
        assertEquals("::1", u.host());
        assertEquals(8443, u.port());
        assertEquals("esx://[::1]:8443/", u.toString());
    }

    @Test
    void passwordIsDroppedAndNeverPrinted() {
        ConnectionUri u = ConnectionUri.parse("esx://root:s3cret@host/");
        assertEquals("root", u.user());
        assertFalse(u.toString().contains("s3cret"));
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> ConnectionUri.parse("esx://root:s3cret@host:99999/"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankIsRejected(String uri) {
        HypervisorException e = assertThrows(HypervisorException.class, () -> ConnectionUri.parse(uri));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertTrue(e.getMessage().contains("empty"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "host.example.com|has no scheme",
            "://host/|has no scheme",
            "1esx://host/|has no scheme",
            "esx:host|must have the form",
            "esx://host:70000/|out of range",
            "esx://host:12a/|invalid port",
            "esx://host/?a=%zz|malformed percent-encoding",
            "esx://ho%2st/|malformed percent-encoding",
            "esx://[::1/|unterminated IPv6",
            "esx://root@:443/|no host name",
    })
    void malformedUrisNameTheProblem(String uri, String expected) {
        HypervisorException e = assertThrows(HypervisorException.class, () -> ConnectionUri.parse(uri));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void toStringRoundTrips() {
        String text = "esx://root@host:443/?no_verify=1&proxy=socks5://p:1080";
        ConnectionUri u = ConnectionUri.parse(text);
        assertEquals(text, u.toString());
        assertEquals(u, ConnectionUri.parse(u.toString()));
    }

    @Test
    void withPortAndUser() {
        ConnectionUri u = ConnectionUri.parse("esx://host/").withPort(443).withUser("root");
        assertEquals("esx://root@host:443/", u.toString());
    }

    /** Found by ConnectionUriFuzzTest: such a host printed as '[bfe80::1%eth0]]', which does not parse. */
    @ParameterizedTest
    @ValueSource(strings = {"esx://bfe80::1%25eth0]:443/", "esx://fe80::1/", "esx://a%3Ab/", "esx://h]ost/", "esx://ho[st:443/"})
    void aHostNameWithAColonOrBracketOutsideBracketsIsRefused(String uri) {
        HypervisorException e = assertThrows(HypervisorException.class, () -> ConnectionUri.parse(uri));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertTrue(e.getMessage().contains("invalid host name"), e.getMessage());
    }

    @Test
    void anIpv6AddressInBracketsStillParses() {
        ConnectionUri u = ConnectionUri.parse("esx://[fe80::1%25eth0]:443/");
        assertEquals("fe80::1%25eth0", u.host());
        assertEquals(u, ConnectionUri.parse(u.toString()));
    }
}
