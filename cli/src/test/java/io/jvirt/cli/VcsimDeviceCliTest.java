package io.jvirt.cli;

import io.jvirt.fixtures.vcsim.Vcsim;
import io.jvirt.simulator.SimulatorModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13's "done when" on VMware's vcsim, which keeps a VM's devices in its inventory and
 * never rewrites the .vmx: attach-disk and attach-interface --config show in domblklist and
 * domiflist (read from the server's device list), detach-disk removes the disk, and define of
 * an existing domain's XML with twice the memory shows in dominfo.
 */
class VcsimDeviceCliTest {
    static Vcsim vcsim;
    static Path authFile;
    static Path dir;

    @BeforeAll
    static void start(@TempDir Path tmp) throws IOException {
        Vcsim.require();
        vcsim = Vcsim.start(SimulatorModel.ESX, 2, true);
        dir = tmp;
        authFile = tmp.resolve("auth.conf");
        Files.writeString(authFile, "[credentials-v]\nusername=" + vcsim.username() + "\npassword=" + vcsim.password()
                + "\n\n[auth-esx-127.0.0.1]\ncredentials=v\n");
    }

    @AfterAll
    static void stop() {
        if (vcsim != null) {
            vcsim.close();
        }
    }

    static Cli.Result run(String line) {
        return Cli.cli().run("-c", "esx://127.0.0.1:" + vcsim.sdkUrl().getPort() + "/?no_verify=1",
                "--auth-file", authFile.toString(), line);
    }

    static Cli.Result ok(String line) {
        Cli.Result r = run(line);
        assertEquals("", r.err(), line);
        assertEquals(0, r.status(), line);
        return r;
    }

    @Test
    void attachDetachAndRedefineShowInTheServersDevicesAndDominfo() throws IOException {
        String vm0Disks = ok("domblklist ha-host_VM0").out();
        Matcher disk = Pattern.compile("(\\[[^\\]]+\\] \\S+\\.vmdk)").matcher(vm0Disks);
        assertTrue(disk.find(), vm0Disks);
        ok("destroy ha-host_VM1");

        assertEquals("Disk attached successfully\n\n",
                ok("attach-disk ha-host_VM1 '" + disk.group(1) + "' sdc --config").out());
        String blk = ok("domblklist ha-host_VM1").out();
        assertTrue(blk.contains(" sdc      " + disk.group(1) + "\n"), blk);

        assertEquals("Interface attached successfully\n\n",
                ok("attach-interface ha-host_VM1 bridge 'VM Network' --mac 00:50:56:00:11:22 --model e1000 --config").out());
        String ifs = ok("domiflist ha-host_VM1").out();
        assertTrue(ifs.contains(" -           bridge   VM Network   e1000   00:50:56:00:11:22\n"), ifs);

        assertEquals("Disk detached successfully\n\n", ok("detach-disk ha-host_VM1 sdc --config").out());
        assertFalse(ok("domblklist ha-host_VM1").out().contains("sdc"));
        assertEquals("Interface detached successfully\n\n",
                ok("detach-interface ha-host_VM1 bridge --mac 00:50:56:00:11:22 --config").out());
        assertFalse(ok("domiflist ha-host_VM1").out().contains("00:50:56:00:11:22"));

        String info = ok("dominfo ha-host_VM1").out();
        Matcher max = Pattern.compile("Max memory:\\s+(\\d+) KiB").matcher(info);
        assertTrue(max.find(), info);
        long doubled = Long.parseLong(max.group(1)) * 2;
        String xml = ok("dumpxml ha-host_VM1").out();
        Path file = dir.resolve("vm1.xml");
        Files.writeString(file, xml.replaceAll("<memory unit='KiB'>\\d+</memory>", "<memory unit='KiB'>" + doubled + "</memory>")
                .replaceAll("<currentMemory unit='KiB'>\\d+</currentMemory>", ""));
        assertTrue(ok("define " + file).out().startsWith("Domain 'ha-host_VM1' defined from " + file));
        assertTrue(ok("dominfo ha-host_VM1").out().contains("Max memory:     " + doubled + " KiB\n"));
    }
}
