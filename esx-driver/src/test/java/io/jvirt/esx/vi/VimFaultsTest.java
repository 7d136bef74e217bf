package io.jvirt.esx.vi;

import com.sun.xml.ws.client.ClientTransportException;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.InvalidLogin;
import io.jvirt.vim25.InvalidLoginFaultMsg;
import io.jvirt.vim25.ManagedObjectNotFound;
import io.jvirt.vim25.NotAuthenticated;
import io.jvirt.vim25.RuntimeFaultFaultMsg;
import io.jvirt.vim25.InvalidStateFaultMsg;
import io.jvirt.vim25.InvalidState;
import jakarta.xml.ws.WebServiceException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VimFaultsTest {

    private static HypervisorException map(Throwable t) {
        return VimFaults.map("esx1.example.com", "RetrievePropertiesEx", t);
    }

    @Test
    void invalidLoginIsAuthFailed() {
        HypervisorException e = map(new InvalidLoginFaultMsg("Cannot complete login", new InvalidLogin()));
        assertEquals(ErrorCode.AUTH_FAILED, e.code());
        assertTrue(e.getMessage().contains("esx1.example.com"), e.getMessage());
    }

    @Test
    void notAuthenticatedIsDetectedAndMapped() {
        RuntimeFaultFaultMsg f = new RuntimeFaultFaultMsg("not authenticated", new NotAuthenticated());
        assertTrue(VimFaults.isNotAuthenticated(new WebServiceException(f)));
        assertEquals(ErrorCode.AUTH_FAILED, map(f).code());
        assertFalse(VimFaults.isNotAuthenticated(new InvalidStateFaultMsg("x", new InvalidState())));
    }

    @Test
    void serverFaultsNameTypeAndMessage() {
        HypervisorException e = map(new InvalidStateFaultMsg("The operation is not allowed", new InvalidState()));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("Call to 'RetrievePropertiesEx' on 'esx1.example.com' failed. Fault: InvalidState - The operation is not allowed",
                e.getMessage());
    }

    @Test
    void anAnswerCutOffMidStreamIsRpcFailedWithoutJavaText() {
        HypervisorException e = map(new WebServiceException(new java.io.IOException("Premature EOF")));
        assertEquals(ErrorCode.RPC_FAILED, e.code());
        assertEquals("Server 'esx1.example.com' ended the connection in the middle of the answer to 'RetrievePropertiesEx'"
                + " (Premature EOF)", e.getMessage());
    }

    @Test
    void vanishedVmIsNoDomain() {
        ManagedObjectNotFound f = new ManagedObjectNotFound();
        f.setObj(Mor.of("VirtualMachine", "vm-7"));
        HypervisorException e = map(new RuntimeFaultFaultMsg("gone", f));
        assertEquals(ErrorCode.NO_DOMAIN, e.code());
        assertTrue(e.getMessage().contains("vm-7"));
    }

    @Test
    void untrustedCertificateExplainsTheFix() {
        SSLHandshakeException ssl = new SSLHandshakeException("PKIX path building failed");
        ssl.initCause(new CertificateException("unable to find valid certification path to requested target"));
        HypervisorException e = map(new WebServiceException(ssl));
        assertEquals(ErrorCode.CERTIFICATE_FAILED, e.code());
        assertTrue(e.getMessage().contains("not trusted"), e.getMessage());
        assertTrue(e.getMessage().contains("no_verify=1"), e.getMessage());
        assertTrue(e.getMessage().contains("CA"), e.getMessage());
    }

    @Test
    void hostnameMismatchSaysSo() {
        SSLHandshakeException ssl = new SSLHandshakeException("No subject alternative names matching IP address 10.0.0.1 found");
        HypervisorException e = map(new WebServiceException(ssl));
        assertEquals(ErrorCode.CERTIFICATE_FAILED, e.code());
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void networkFailures() {
        assertEquals(ErrorCode.SYSTEM_ERROR, map(new WebServiceException(new ConnectException("Connection refused"))).code());
        assertTrue(map(new WebServiceException(new ConnectException("Connection refused"))).getMessage()
                .contains("Cannot connect to 'esx1.example.com': Connection refused"));
        assertEquals(ErrorCode.SYSTEM_ERROR, map(new WebServiceException(new UnknownHostException("nowhere"))).code());
        HypervisorException timeout = map(new WebServiceException(new SocketTimeoutException("Read timed out")));
        assertEquals(ErrorCode.OPERATION_TIMEOUT, timeout.code());
        assertTrue(timeout.getMessage().contains("timed out"));
    }

    @Test
    void httpStatusAndGarbage() {
        HypervisorException http = map(new ClientTransportException(
                com.sun.xml.ws.resources.ClientMessages.localizableHTTP_STATUS_CODE(503, "Service Unavailable")));
        assertEquals(ErrorCode.HTTP_ERROR, http.code());
        HypervisorException xml = map(new WebServiceException(new javax.xml.stream.XMLStreamException("unexpected EOF")));
        assertEquals(ErrorCode.RPC_FAILED, xml.code());
        assertTrue(xml.getMessage().contains("esx1.example.com"));
    }
}
