package io.jvirt.esx.uri;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.uri.ConnectionUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EsxUriParametersTest {

    private static EsxUriParameters parse(String uri) {
        return EsxUriParameters.parse(ConnectionUri.parse(uri));
    }

    private static void assertInvalid(String uri, String message) {
        HypervisorException e = assertThrows(HypervisorException.class, () -> parse(uri));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals(message, e.getMessage());
    }

    @Test
    void defaultsWithoutParameters() {
        EsxUriParameters p = parse("esx://host/");
        assertEquals(Transport.HTTPS, p.transport());
        assertNull(p.vcenter());
        assertFalse(p.noVerify());
        assertFalse(p.autoAnswer());
        assertNull(p.proxy());
    }

    @Test
    void everyParameterIsRead() {
        EsxUriParameters p = parse("esx://host/?transport=http&vcenter=vc.example.com&no_verify=1&auto_answer=1"
                + "&proxy=socks://proxy.example.com:23456");
        assertEquals(Transport.HTTP, p.transport());
        assertEquals("vc.example.com", p.vcenter());
        assertTrue(p.noVerify());
        assertTrue(p.autoAnswer());
        assertEquals(new ProxySpec(ProxySpec.Type.SOCKS5, "proxy.example.com", 23456), p.proxy());
    }

    @Test
    void namesCompareCaseInsensitivelyAndTheLastOccurrenceWins() {
        EsxUriParameters p = parse("esx://host/?No_Verify=1&NO_VERIFY=0&VCenter=*&Transport=http&transport=https");
        assertFalse(p.noVerify());
        assertEquals("*", p.vcenter());
        assertEquals(Transport.HTTPS, p.transport());
    }

    @Test
    void anEarlierInvalidOccurrenceFailsEvenIfALaterOneIsValid() {
        assertInvalid("esx://host/?no_verify=2&no_verify=1",
                "Query parameter 'no_verify' has unexpected value '2' (should be 0 or 1)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTPS", "Http", "ftp", ""})
    void transportValueIsCaseSensitive(String value) {
        assertInvalid("esx://host/?transport=" + value,
                "Query parameter 'transport' has unexpected value '" + value + "' (should be http|https)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "-1", "yes", "true", "1x", ""})
    void noVerifyAndAutoAnswerAcceptOnly0And1(String value) {
        assertInvalid("esx://host/?no_verify=" + value,
                "Query parameter 'no_verify' has unexpected value '" + value + "' (should be 0 or 1)");
        assertInvalid("esx://host/?auto_answer=" + value,
                "Query parameter 'auto_answer' has unexpected value '" + value + "' (should be 0 or 1)");
    }

    @Test
    void flagsAcceptLeadingBlanksAndSignsLikeStrtol() {
        assertTrue(parse("esx://host/?no_verify=%201").noVerify());
        assertTrue(parse("esx://host/?auto_answer=+1").autoAnswer());
        assertFalse(parse("esx://host/?no_verify=-0").noVerify());
    }

    @ParameterizedTest
    @CsvSource({
            "proxy.example.com,              HTTP,    proxy.example.com, 1080",
            "http://proxy.example.com,       HTTP,    proxy.example.com, 1080",
            "http://proxy.example.com:3128,  HTTP,    proxy.example.com, 3128",
            "socks://p:1,                    SOCKS5,  p,                 1",
            "socks5://p:65535,               SOCKS5,  p,                 65535",
            "socks4://p,                     SOCKS4,  p,                 1080",
            "socks4a://p:9050,               SOCKS4A, p,                 9050",
    })
    void proxyForms(String value, ProxySpec.Type type, String host, int port) {
        assertEquals(new ProxySpec(type, host, port), parse("esx://host/?proxy=" + value).proxy());
    }

    @Test
    void proxyWithUnknownType() {
        assertInvalid("esx://host/?proxy=https://p:1",
                "Query parameter 'proxy' contains unexpected type 'https' (should be (http|socks(|4|4a|5))");
        assertInvalid("esx://host/?proxy=SOCKS://p",
                "Query parameter 'proxy' contains unexpected type 'SOCKS' (should be (http|socks(|4|4a|5))");
    }

    @Test
    void proxyWithoutHostname() {
        assertInvalid("esx://host/?proxy=:8080", "Query parameter 'proxy' doesn't contain a hostname");
        assertInvalid("esx://host/?proxy=socks://:8080", "Query parameter 'proxy' doesn't contain a hostname");
        assertInvalid("esx://host/?proxy=", "Query parameter 'proxy' doesn't contain a hostname");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "x", "", "80:90", "-1"})
    void proxyWithBadPort(String port) {
        assertInvalid("esx://host/?proxy=p:" + port,
                "Query parameter 'proxy' has unexpected port value '" + port + "' (should be [1..65535])");
    }

    @Test
    void eachProxyOccurrenceStartsFromTheDefaults() {
        assertEquals(new ProxySpec(ProxySpec.Type.HTTP, "b", 1080),
                parse("esx://host/?proxy=socks4://a:99&proxy=b").proxy());
    }

    @Test
    void unknownParametersAreIgnored() {
        EsxUriParameters p = parse("esx://host/?authfile=/tmp/x&foo=bar&no_verify=1");
        assertTrue(p.noVerify());
    }

    @Test
    void vcenterIsKeptVerbatim() {
        assertEquals("*", parse("esx://host/?vcenter=*").vcenter());
        assertEquals("", parse("esx://host/?vcenter").vcenter());
    }
}
