package io.jvirt.conformance.targets;

import io.jvirt.conformance.contract.ConformanceTarget;
import io.jvirt.conformance.contract.ConformanceTargets;
import io.jvirt.conformance.contract.Feature;
import io.jvirt.fixtures.vcsim.Vcsim;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.auth.Authenticator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ESX driver against real servers: the in-JVM vSphere simulator (ESX and vCenter models,
 * HTTPS with a self-signed certificate) and VMware's vcsim (when its launcher is built).
 */
public final class EsxTargets implements ConformanceTargets {
    private final List<String> skipped = new ArrayList<>();

    /** What the ESX driver implements: every feature. */
    static final Set<Feature> SUPPORTED = EnumSet.allOf(Feature.class);

    @Override
    public List<String> schemes() {
        return List.of("esx", "gsx", "vpx");
    }

    @Override
    public List<ConformanceTarget> start() throws Exception {
        List<ConformanceTarget> targets = new ArrayList<>();
        VsphereSimulator esx = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(3).tls(true).build().start();
        targets.add(new SimulatorTarget("esx (in-JVM simulator)", "esx", esx, "", Map.of(), esx));
        VsphereSimulator vpx = VsphereSimulator.builder().model(SimulatorModel.VPX).vms(2).tls(true).build().start();
        String dc = vpx.datacenterName();
        targets.add(new SimulatorTarget("vpx (in-JVM simulator)", "vpx", vpx, dc + "/" + dc + "_H0", Map.of(), vpx));
        if (Vcsim.available()) {
            Map<Feature, String> vcsimGaps = new LinkedHashMap<>();
            vcsimGaps.put(Feature.AUTOSTART, "vcsim never registers the HostAutoStartManager");
            vcsimGaps.put(Feature.DEFINE_UNDEFINE, "vcsim's RegisterVM_Task ignores the uploaded .vmx and renames the VM");
            vcsimGaps.put(Feature.SNAPSHOTS, "vcsim's RemoveSnapshot_Task deletes the VM's base disk");
            Vcsim vcsimEsx = Vcsim.start(SimulatorModel.ESX, 2, true);
            Map<Feature, String> vcsimEsxGaps = new LinkedHashMap<>(vcsimGaps);
            vcsimEsxGaps.put(Feature.CLONE, "vcsim's RegisterVM_Task needs a vmware.log the copied VM does not have yet"
                    + " (the ESX path is checked on the in-JVM simulator, CloneVM_Task on vcsim's vCenter)");
            targets.add(new VcsimTarget("esx (vcsim)", "esx", vcsimEsx, "", vcsimEsxGaps));
            Vcsim vcsimVpx = Vcsim.start(SimulatorModel.VPX, 2, true);
            targets.add(new VcsimTarget("vpx (vcsim)", "vpx", vcsimVpx, "DC0/DC0_H0", vcsimGaps));
        } else {
            skipped.add("vcsim targets skipped: " + Vcsim.unavailableReason());
        }
        return targets;
    }

    @Override
    public List<String> skipped() {
        return skipped;
    }

    /**
     * A domain XML the define contract can register: its disk lies in an existing VM folder,
     * because ESX (like libvirt) puts the .vmx next to the first disk and does not create folders.
     */
    static String defineXml(String datastore, String folder) {
        return """
                <domain type='vmware'>
                  <name>conformance-new</name>
                  <memory unit='MiB'>256</memory>
                  <vcpu>1</vcpu>
                  <os><type arch='x86_64'>hvm</type></os>
                  <devices>
                    <disk type='file' device='disk'>
                      <source file='[%s] %s/conformance-new.vmdk'/>
                      <target dev='sda' bus='scsi'/>
                    </disk>
                    <controller type='scsi' index='0' model='lsilogic'/>
                  </devices>
                </domain>
                """.formatted(datastore, folder);
    }

    /** Common to both servers: URI forms, bad URIs, the supported features and the server's gaps. */
    private abstract static class VsphereTarget implements ConformanceTarget {
        private final String name;
        private final String scheme;
        private final String hostPort;
        private final String path;
        private final Map<Feature, String> gaps;

        VsphereTarget(String name, String scheme, String hostPort, String path, Map<Feature, String> gaps) {
            this.name = name;
            this.scheme = scheme;
            this.hostPort = hostPort;
            this.path = path;
            this.gaps = gaps;
        }

        @Override
        public Set<Feature> supported() {
            return SUPPORTED;
        }

        @Override
        public Map<Feature, String> notTestable() {
            return gaps;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String scheme() {
            return scheme;
        }

        String uri(String query) {
            return scheme + "://" + hostPort + "/" + path + "?" + query;
        }

        @Override
        public String uri() {
            return uri("no_verify=1");
        }

        @Override
        public Map<String, ErrorCode> badUris() {
            Map<String, ErrorCode> bad = new LinkedHashMap<>();
            bad.put(uri("no_verify=1&transport=ftp"), ErrorCode.INVALID_ARG);
            bad.put(uri("no_verify=2"), ErrorCode.INVALID_ARG);
            bad.put(uri("no_verify=1&auto_answer=yes"), ErrorCode.INVALID_ARG);
            bad.put(uri("no_verify=1&proxy=ftp://proxy"), ErrorCode.INVALID_ARG);
            bad.put(uri("no_verify=1&proxy=proxy:0"), ErrorCode.INVALID_ARG);
            bad.put(scheme + ":///", ErrorCode.INVALID_ARG);
            bad.put(uri(""), ErrorCode.CERTIFICATE_FAILED);
            if (scheme.equals("vpx")) {
                bad.put("vpx://" + hostPort + "/?no_verify=1", ErrorCode.INVALID_ARG);
                bad.put("vpx://" + hostPort + "/nosuchdc/nosuchhost?no_verify=1", ErrorCode.INTERNAL_ERROR);
                bad.put("esx://" + hostPort + "/?no_verify=1", ErrorCode.INTERNAL_ERROR);
            } else {
                bad.put("gsx://" + hostPort + "/?no_verify=1", ErrorCode.INTERNAL_ERROR);
                bad.put("vpx://" + hostPort + "/dc/host?no_verify=1", ErrorCode.INTERNAL_ERROR);
            }
            return bad;
        }
    }

    private static final class SimulatorTarget extends VsphereTarget {
        private final VsphereSimulator sim;
        private final AutoCloseable server;

        SimulatorTarget(String name, String scheme, VsphereSimulator sim, String path, Map<Feature, String> gaps,
                        AutoCloseable server) {
            super(name, scheme, "127.0.0.1:" + sim.port(), path, gaps);
            this.sim = sim;
            this.server = server;
        }

        @Override
        public Authenticator authenticator() {
            return Authenticator.fixed(sim.username(), sim.password().toCharArray());
        }

        @Override
        public BadCredentials badCredentials() {
            return new BadCredentials(uri(), Authenticator.fixed(sim.username(), "not-the-password".toCharArray()),
                    "not-the-password");
        }

        @Override
        public String lifecycleDomain() {
            return sim.vmNames().get(1);
        }

        @Override
        public long expectedVersion() {
            return 7_000_003; // the simulator's about.version "7.0.3" (ServiceObjects)
        }

        @Override
        public String domainXmlToDefine() {
            return defineXml("LocalDS_0", sim.vmNames().get(0));
        }

        @Override
        public java.util.OptionalLong requestCount() {
            return java.util.OptionalLong.of(sim.totalRequests());
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    private static final class VcsimTarget extends VsphereTarget {
        private final Vcsim vcsim;

        VcsimTarget(String name, String scheme, Vcsim vcsim, String path, Map<Feature, String> gaps) {
            super(name, scheme, vcsim.sdkUrl().getHost() + ":" + vcsim.sdkUrl().getPort(), path, gaps);
            this.vcsim = vcsim;
        }

        @Override
        public Authenticator authenticator() {
            return Authenticator.fixed(vcsim.username(), vcsim.password().toCharArray());
        }

        @Override
        public BadCredentials badCredentials() {
            return new BadCredentials(uri(), Authenticator.fixed(vcsim.username(), "not-the-password".toCharArray()),
                    "not-the-password");
        }

        @Override
        public long expectedVersion() {
            return 6_005_000; // vcsim's about.version "6.5.0" (govmomi simulator/esx and vpx service content)
        }

        @Override
        public String lifecycleDomain() {
            return scheme().equals("vpx") ? "DC0_H0_VM1" : "ha-host_VM1";
        }

        @Override
        public String deviceStatsGap() {
            return "vcsim's QueryPerf echoes the wildcard instance '*' instead of one series per disk and NIC"
                    + " (govmomi 0.24.2 simulator/performance_manager.go); the in-JVM simulator targets check them";
        }

        @Override
        public void close() {
            vcsim.close();
        }
    }
}
