package io.jvirt.esx.domain;

import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainSnapshot;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.auth.Authenticator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8.6 in the ESX driver: the VNC password of a .vmx shows in domain XML and converted XML
 * only with {@link DomainXmlFlag#SECURE}, as libvirt's esxDomainGetXMLDesc and
 * connectDomainXMLFromNative do; snapshot XML has no secure field and accepts the flag.
 */
class SecureXmlTest {
    private static final String VNC = "RemoteDisplay.vnc.enabled = \"TRUE\"\nRemoteDisplay.vnc.port = \"5901\"\n"
            + "RemoteDisplay.vnc.password = \"s3cr3t-vnc\"\n";

    @Test
    void vncPasswordOnlyWithSecure() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(1).tls(true).build().start();
             Connection c = ConnectionFactory.open("esx://127.0.0.1:" + sim.port() + "/?no_verify=1",
                     Authenticator.fixed(sim.username(), sim.password().toCharArray()))) {
            String name = sim.vmNames().get(0);
            String path = name + "/" + name + ".vmx";
            String original = new String(sim.datastoreFile("LocalDS_0", path).orElseThrow(), StandardCharsets.UTF_8);
            String vmx = original.replace("RemoteDisplay.vnc.enabled = \"FALSE\"\n", VNC);
            assertFalse(vmx.equals(original), "the simulator's VMX turns VNC off: " + original);
            sim.putDatastoreFile("LocalDS_0", path, vmx.getBytes(StandardCharsets.UTF_8));
            Domain d = c.lookupDomainByName(name);

            String plain = d.xmlDesc();
            assertTrue(plain.contains("<graphics type='vnc' port='5901' autoport='no'>"), plain);
            assertFalse(plain.contains("s3cr3t-vnc"), plain);
            assertFalse(d.xmlDesc(Set.of(DomainXmlFlag.INACTIVE)).contains("s3cr3t-vnc"));
            String secure = d.xmlDesc(Set.of(DomainXmlFlag.SECURE));
            assertTrue(secure.contains("<graphics type='vnc' port='5901' autoport='no' passwd='s3cr3t-vnc'>"), secure);

            String converted = c.domainXmlFromNative("vmware-vmx", vmx);
            assertFalse(converted.contains("s3cr3t-vnc"), converted);
            assertEquals(converted.replace("autoport='no'>", "autoport='no' passwd='s3cr3t-vnc'>"),
                    c.domainXmlFromNative("vmware-vmx", vmx, Set.of(DomainXmlFlag.SECURE)));
            HypervisorException e = assertThrows(HypervisorException.class,
                    () -> c.domainXmlFromNative("vmware-vmx", vmx, Set.of(DomainXmlFlag.INACTIVE)));
            assertEquals(ErrorCode.INVALID_ARG, e.code());
            assertEquals("unsupported flags (INACTIVE) in function domainXmlFromNative", e.getMessage());

            DomainSnapshot s = d.createSnapshot("<domainsnapshot><name>s1</name></domainsnapshot>", Set.of(),
                    ProgressListener.NONE);
            assertEquals(s.xmlDesc(), s.xmlDesc(Set.of(DomainXmlFlag.SECURE)), "ESX snapshot XML holds no secret");
            assertEquals(ErrorCode.INVALID_ARG, assertThrows(HypervisorException.class,
                    () -> s.xmlDesc(Set.of(DomainXmlFlag.MIGRATABLE))).code());
        }
    }
}
