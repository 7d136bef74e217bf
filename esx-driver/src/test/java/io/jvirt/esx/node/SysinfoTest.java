package io.jvirt.esx.node;

import io.jvirt.vim25.HostBIOSInfo;
import io.jvirt.vim25.HostSystemInfo;
import org.junit.jupiter.api.Test;

import javax.xml.datatype.DatatypeFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** libvirt's SMBIOS sysinfo layout (as virsh -c test:///default sysinfo prints it) from vSphere's hardware info. */
class SysinfoTest {

    @Test
    void biosAndSystemEntries() throws Exception {
        HostBIOSInfo bios = new HostBIOSInfo();
        bios.setVendor("Dell Inc.");
        bios.setBiosVersion("2.13.3");
        bios.setReleaseDate(DatatypeFactory.newInstance().newXMLGregorianCalendar("2021-12-01T00:00:00Z"));
        bios.setMajorRelease(2);
        bios.setMinorRelease(13);
        HostSystemInfo system = new HostSystemInfo();
        system.setVendor("Dell Inc.");
        system.setModel("PowerEdge R640");
        system.setUuid("4c4c4544-0042-3510-8052-b4c04f4e3232");
        system.setSerialNumber("<serial & co>");
        assertEquals("""
                <sysinfo type='smbios'>
                  <bios>
                    <entry name='vendor'>Dell Inc.</entry>
                    <entry name='version'>2.13.3</entry>
                    <entry name='date'>12/01/2021</entry>
                    <entry name='release'>2.13</entry>
                  </bios>
                  <system>
                    <entry name='manufacturer'>Dell Inc.</entry>
                    <entry name='product'>PowerEdge R640</entry>
                    <entry name='serial'>&lt;serial &amp; co&gt;</entry>
                    <entry name='uuid'>4c4c4544-0042-3510-8052-b4c04f4e3232</entry>
                  </system>
                </sysinfo>
                """, Sysinfo.xml(bios, system));
    }

    @Test
    void withoutBiosInfo() {
        HostSystemInfo system = new HostSystemInfo();
        system.setVendor("VMware, Inc.");
        system.setModel("VMware7,1");
        system.setUuid("u");
        assertEquals("""
                <sysinfo type='smbios'>
                  <system>
                    <entry name='manufacturer'>VMware, Inc.</entry>
                    <entry name='product'>VMware7,1</entry>
                    <entry name='uuid'>u</entry>
                  </system>
                </sysinfo>
                """, Sysinfo.xml(null, system));
    }
}
