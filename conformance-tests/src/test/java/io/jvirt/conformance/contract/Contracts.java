package io.jvirt.conformance.contract;

import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainInfo;
import io.jvirt.spi.DomainListFlag;
import io.jvirt.spi.DomainSnapshot;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.HostInterface;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.Network;
import io.jvirt.spi.NodeInfo;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import io.jvirt.spi.TypedParameter;
import org.junit.jupiter.api.function.Executable;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract of each {@link Feature}: a check run when the target supports the feature, and a
 * probe that must fail with {@code NO_SUPPORT} when it does not.
 */
final class Contracts {
    /** A check against an open connection. */
    interface Check {
        void run(ConformanceTarget target, Connection conn) throws Exception;
    }

    /** What the harness runs for one feature. */
    record Contract(Check check, Check unsupportedProbe) {
    }

    private Contracts() {
    }

    static Map<Feature, Contract> all() {
        Map<Feature, Contract> m = new EnumMap<>(Feature.class);
        m.put(Feature.DISCOVERY, new Contract(Contracts::discovery, null));
        m.put(Feature.URI_REJECTION, new Contract(Contracts::uriRejection, null));
        m.put(Feature.AUTH_FAILURE, new Contract(Contracts::authFailure, null));
        m.put(Feature.CONNECTION_INFO, new Contract(Contracts::connectionInfo, null));
        m.put(Feature.NODE_INFO, new Contract(Contracts::nodeInfo, (t, c) -> c.nodeInfo()));
        m.put(Feature.LIST_DOMAINS, new Contract(Contracts::listDomains, (t, c) -> c.listAllDomains()));
        m.put(Feature.LOOKUP, new Contract(Contracts::lookup, (t, c) -> c.lookupDomainByName("x")));
        m.put(Feature.DOMAIN_INFO, new Contract(Contracts::domainInfo, (t, c) -> anyDomain(c).info()));
        m.put(Feature.DOMAIN_XML, new Contract(Contracts::domainXml, (t, c) -> anyDomain(c).xmlDesc()));
        m.put(Feature.XML_ROUNDTRIP, new Contract(Contracts::xmlRoundTrip,
                (t, c) -> c.defineDomain(anyDomain(c).xmlDesc(Set.of(DomainXmlFlag.INACTIVE)))));
        m.put(Feature.LIFECYCLE, new Contract(Contracts::lifecycle, (t, c) -> lifecycleDomain(t, c).suspend()));
        m.put(Feature.DEFINE_UNDEFINE, new Contract(Contracts::defineUndefine,
                (t, c) -> c.defineDomain("<domain type='x'><name>probe</name></domain>")));
        m.put(Feature.SCHEDULER, new Contract(Contracts::scheduler, (t, c) -> anyDomain(c).schedulerParameters()));
        m.put(Feature.AUTOSTART, new Contract(Contracts::autostart, (t, c) -> anyDomain(c).autostart()));
        m.put(Feature.SNAPSHOTS, new Contract(Contracts::snapshots, (t, c) -> anyDomain(c).listSnapshots(Set.of())));
        m.put(Feature.CLONE, new Contract(CloneContract::check,
                (t, c) -> anyDomain(c).clone("probe", io.jvirt.spi.CloneOptions.defaults())));
        m.put(Feature.STORAGE, new Contract(Contracts::storage, (t, c) -> c.listAllStoragePools()));
        m.put(Feature.NETWORKS, new Contract(Contracts::networks, (t, c) -> c.listAllNetworks()));
        m.put(Feature.INTERFACES, new Contract(Contracts::interfaces, (t, c) -> c.listAllInterfaces()));
        m.put(Feature.CONCURRENT_READS, new Contract(Contracts::concurrentReads, null));
        // generic in the factory: every driver's connections can be opened read-only
        m.put(Feature.READ_ONLY, new Contract(ReadOnlyContract::check, null));
        m.put(Feature.REDEFINE, new Contract(DeviceContracts::redefine, null));
        m.put(Feature.DEVICES, new Contract(DeviceContracts::devices, (t, c) -> anyDomain(c).attachDevice(
                "<interface type='bridge'><source bridge='probe'/></interface>", Set.of())));
        return m;
    }

    static HypervisorException expect(ErrorCode code, Executable action) {
        HypervisorException e = assertThrows(HypervisorException.class, action);
        assertEquals(code, e.code(), () -> "expected " + code + " but got " + e);
        assertFalse(e.getMessage().isBlank());
        return e;
    }

    static Domain anyDomain(Connection c) {
        List<Domain> all = c.listAllDomains();
        assertFalse(all.isEmpty(), "the target must have at least one domain");
        return all.get(0);
    }

    private static Domain lifecycleDomain(ConformanceTarget t, Connection c) {
        assertNotNull(t.lifecycleDomain(), "target declares LIFECYCLE but names no lifecycle domain");
        return c.lookupDomainByName(t.lifecycleDomain());
    }

    // ---- the contracts --------------------------------------------------------------------------

    static void discovery(ConformanceTarget t, Connection c) {
        assertTrue(ConnectionFactory.installedSchemes().contains(t.scheme()));
        assertTrue(ConnectionFactory.driver(t.scheme()).orElseThrow().schemes().contains(t.scheme()));
        assertEquals(t.scheme(), c.uri().scheme());
    }

    static void uriRejection(ConformanceTarget t, Connection c) {
        expect(ErrorCode.INVALID_ARG, () -> ConnectionFactory.open(t.scheme() + "+ssh://example.com/", t.authenticator()));
        expect(ErrorCode.INVALID_ARG, () -> ConnectionFactory.open(t.scheme() + "://host:99999/", t.authenticator()));
        expect(ErrorCode.INVALID_ARG, () -> ConnectionFactory.open(t.scheme() + "://host/?x=%G0", t.authenticator()));
        for (Map.Entry<String, ErrorCode> bad : t.badUris().entrySet()) {
            expect(bad.getValue(), () -> ConnectionFactory.open(bad.getKey(), t.authenticator(), t.env()).close());
        }
    }

    static void authFailure(ConformanceTarget t, Connection c) {
        ConformanceTarget.BadCredentials bad = t.badCredentials();
        assertNotNull(bad, "target declares AUTH_FAILURE but gives no bad credentials");
        HypervisorException e = expect(ErrorCode.AUTH_FAILED,
                () -> ConnectionFactory.open(bad.uri(), bad.authenticator(), t.env()).close());
        assertFalse(e.getMessage().contains(bad.secret()), "the password must not be echoed: " + e.getMessage());
    }

    static void connectionInfo(ConformanceTarget t, Connection c) {
        assertFalse(c.type().isBlank());
        assertTrue(t.expectedVersion() > 0, "the target must declare the hypervisor version its server reports");
        assertEquals(t.expectedVersion(), c.version(), "major * 1,000,000 + minor * 1,000 + micro");
        assertFalse(c.hostname().isBlank());
        assertTrue(c.isAlive());
        assertFalse(c.uri().toString().isBlank());
    }

    static void nodeInfo(ConformanceTarget t, Connection c) throws Exception {
        NodeInfo n = c.nodeInfo();
        assertTrue(n.cpus() > 0 && n.memoryKiB() > 0 && n.mhz() >= 0 && n.nodes() >= 1, n.toString());
        // libvirt's virNodeInfo.model is char[32]: 1 to 31 characters
        assertFalse(n.cpuModel().isBlank(), "CPU model: " + n);
        assertTrue(n.cpuModel().length() <= 31, "CPU model longer than libvirt's 31 characters: " + n.cpuModel());
        assertEquals("capabilities", parseRoot(c.capabilities()));
    }

    static void listDomains(ConformanceTarget t, Connection c) {
        List<Domain> all = c.listAllDomains();
        List<Domain> active = c.listAllDomains(Set.of(DomainListFlag.ACTIVE));
        List<Domain> inactive = c.listAllDomains(Set.of(DomainListFlag.INACTIVE));
        assertEquals(all.size(), active.size() + inactive.size(), "active + inactive = all");
        active.forEach(d -> assertTrue(d.state().isActive() && d.id() > 0, d.name() + " " + d.state()));
        inactive.forEach(d -> assertTrue(!d.state().isActive() && d.id() == -1, d.name() + " " + d.state()));
        assertEquals(c.listDomainIds().size(), active.size());
        assertEquals(c.listDefinedDomainNames().size(), inactive.size());
        List<Domain> running = c.listAllDomains(Set.of(DomainListFlag.RUNNING));
        running.forEach(d -> assertEquals(DomainState.RUNNING, d.state()));
        assertTrue(c.listAllDomains(Set.of(DomainListFlag.ACTIVE, DomainListFlag.INACTIVE)).size() == all.size());
    }

    static void lookup(ConformanceTarget t, Connection c) {
        for (Domain d : c.listAllDomains()) {
            Domain byName = c.lookupDomainByName(d.name());
            Domain byUuid = c.lookupDomainByUuid(d.uuid());
            assertEquals(d.uuid(), byName.uuid());
            assertEquals(d.name(), byUuid.name());
            assertEquals(byName.id(), byUuid.id());
            if (d.id() > 0) {
                Domain byId = c.lookupDomainById(d.id());
                assertEquals(d.name(), byId.name());
                assertEquals(d.uuid(), byId.uuid());
            }
        }
        expect(ErrorCode.NO_DOMAIN, () -> c.lookupDomainByName("no-such-domain-" + UUID.randomUUID()));
        expect(ErrorCode.NO_DOMAIN, () -> c.lookupDomainByUuid(UUID.randomUUID()));
        expect(ErrorCode.NO_DOMAIN, () -> c.lookupDomainById(999_999));
    }

    static void domainInfo(ConformanceTarget t, Connection c) {
        for (Domain d : c.listAllDomains()) {
            DomainInfo info = d.info();
            assertEquals(d.state(), info.state(), d.name());
            assertTrue(info.maxMemoryKiB() > 0 && info.vcpus() > 0, info.toString());
            assertEquals(info.state(), d.currentState());
            assertEquals(info.state().isActive(), d.isActive());
            assertTrue(d.isPersistent());
            assertFalse(d.osType().isBlank());
        }
    }

    static void domainXml(ConformanceTarget t, Connection c) throws Exception {
        for (Domain d : c.listAllDomains()) {
            String xml = d.xmlDesc();
            Element root = parse(xml);
            assertEquals("domain", root.getTagName());
            assertEquals(d.name(), childText(root, "name"), "the XML's <name> is the domain's name: " + xml);
            assertEquals(d.uuid().toString(), childText(root, "uuid"), "the XML's <uuid> is the domain's UUID: " + xml);
            if (d.state().isActive()) {
                assertTrue(xml.contains("id='" + d.id() + "'"), "active XML carries the id");
            }
            assertFalse(d.xmlDesc(Set.of(DomainXmlFlag.INACTIVE)).contains(" id='"), "inactive XML has no id");
        }
    }

    static void xmlRoundTrip(ConformanceTarget t, Connection c) {
        for (Domain d : c.listAllDomains()) {
            String before = d.xmlDesc(Set.of(DomainXmlFlag.INACTIVE));
            Domain redefined = c.defineDomain(before);
            assertEquals(d.uuid(), redefined.uuid());
            assertEquals(before, redefined.xmlDesc(Set.of(DomainXmlFlag.INACTIVE)), "define(xmlDesc) changes nothing");
        }
    }

    static void lifecycle(ConformanceTarget t, Connection c) {
        Domain d = lifecycleDomain(t, c);
        if (d.currentState().isActive()) {
            d.destroy();
        }
        assertEquals(DomainState.SHUTOFF, d.currentState());
        expect(ErrorCode.OPERATION_INVALID, d::suspend);
        expect(ErrorCode.OPERATION_INVALID, d::resume);
        expect(ErrorCode.OPERATION_INVALID, d::destroy);
        d.create();
        assertEquals(DomainState.RUNNING, d.currentState());
        assertEquals(DomainState.RUNNING, d.state(), "the handle follows its own operations");
        assertTrue(d.id() > 0);
        assertEquals(d.name(), c.lookupDomainById(d.id()).name());
        expect(ErrorCode.OPERATION_INVALID, d::create);
        expect(ErrorCode.OPERATION_INVALID, d::resume);
        d.suspend();
        assertEquals(DomainState.PAUSED, d.currentState());
        expect(ErrorCode.OPERATION_INVALID, d::suspend);
        d.resume();
        assertEquals(DomainState.RUNNING, d.currentState());
        d.destroy();
        assertEquals(DomainState.SHUTOFF, d.currentState());
        assertEquals(-1, d.id());
    }

    static void defineUndefine(ConformanceTarget t, Connection c) {
        String xml = t.domainXmlToDefine();
        assertNotNull(xml, "target declares DEFINE_UNDEFINE but gives no XML");
        int before = c.listAllDomains().size();
        Domain d = c.defineDomain(xml);
        assertEquals(DomainState.SHUTOFF, d.currentState());
        assertEquals(before + 1, c.listAllDomains().size());
        assertEquals(d.uuid(), c.lookupDomainByName(d.name()).uuid());
        d.undefine();
        assertEquals(before, c.listAllDomains().size());
        expect(ErrorCode.NO_DOMAIN, () -> c.lookupDomainByName(d.name()));
        expect(ErrorCode.XML_ERROR, () -> c.defineDomain("<domain><name>x</name"));
        expect(ErrorCode.XML_ERROR, () -> c.defineDomain(
                "<!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><domain><name>&x;</name></domain>"));
    }

    static void scheduler(ConformanceTarget t, Connection c) {
        Domain d = anyDomain(c);
        assertFalse(d.schedulerType().isBlank());
        List<TypedParameter> params = d.schedulerParameters();
        assertFalse(params.isEmpty());
    }

    static void autostart(ConformanceTarget t, Connection c) {
        Domain d = anyDomain(c);
        boolean was = d.autostart();
        d.setAutostart(!was);
        assertEquals(!was, d.autostart());
        d.setAutostart(was);
        assertEquals(was, d.autostart());
    }

    static void snapshots(ConformanceTarget t, Connection c) {
        Domain d = t.lifecycleDomain() != null ? lifecycleDomain(t, c) : anyDomain(c);
        int before = d.listSnapshots(Set.of()).size();
        DomainSnapshot s1 = d.createSnapshot("<domainsnapshot><name>conf-1</name></domainsnapshot>", Set.of(), ProgressListener.NONE);
        DomainSnapshot s2 = d.createSnapshot("<domainsnapshot><name>conf-2</name></domainsnapshot>", Set.of(), ProgressListener.NONE);
        assertEquals(before + 2, d.listSnapshots(Set.of()).size());
        assertEquals("conf-2", d.currentSnapshot().name());
        assertEquals("conf-1", s2.parent().name());
        assertTrue(s2.isCurrent());
        assertEquals("domainsnapshot", parseRootUnchecked(s1.xmlDesc()));
        expect(ErrorCode.OPERATION_INVALID,
                () -> d.createSnapshot("<domainsnapshot><name>conf-1</name></domainsnapshot>", Set.of(), ProgressListener.NONE));
        expect(ErrorCode.NO_DOMAIN_SNAPSHOT, () -> d.snapshotLookupByName("no-such-snapshot"));
        s1.delete(Set.of(io.jvirt.spi.SnapshotFlag.CHILDREN), ProgressListener.NONE);
        assertEquals(before, d.listSnapshots(Set.of()).size());
    }

    static void storage(ConformanceTarget t, Connection c) {
        List<StoragePool> pools = c.listAllStoragePools();
        assertFalse(pools.isEmpty());
        for (StoragePool p : pools) {
            assertEquals(p.uuid(), c.lookupStoragePoolByName(p.name()).uuid());
            assertEquals(p.name(), c.lookupStoragePoolByUuid(p.uuid()).name());
            StoragePool.Info info = p.info();
            assertTrue(info.capacity() >= info.allocation());
            assertEquals("pool", parseRootUnchecked(p.xmlDesc()));
            for (StorageVolume v : p.listAllVolumes()) {
                assertEquals(v.key(), c.lookupStorageVolumeByPath(v.path()).key());
            }
        }
        expect(ErrorCode.NO_STORAGE_POOL, () -> c.lookupStoragePoolByName("no-such-pool"));
    }

    static void networks(ConformanceTarget t, Connection c) {
        List<Network> nets = c.listAllNetworks();
        assertFalse(nets.isEmpty());
        for (Network n : nets) {
            assertEquals(n.uuid(), c.lookupNetworkByName(n.name()).uuid());
            assertEquals(n.name(), c.lookupNetworkByUuid(n.uuid()).name());
            assertEquals("network", parseRootUnchecked(n.xmlDesc()));
        }
        expect(ErrorCode.NO_NETWORK, () -> c.lookupNetworkByName("no-such-network"));
    }

    static void interfaces(ConformanceTarget t, Connection c) {
        List<HostInterface> ifaces = c.listAllInterfaces();
        assertFalse(ifaces.isEmpty());
        for (HostInterface i : ifaces) {
            assertEquals(i.name(), c.lookupInterfaceByMac(i.mac()).name());
            assertEquals("interface", parseRootUnchecked(i.xmlDesc(false)));
        }
        expect(ErrorCode.NO_INTERFACE, () -> c.lookupInterfaceByMac("00:00:00:00:00:00"));
    }

    static void concurrentReads(ConformanceTarget t, Connection c) throws Exception {
        List<String> expected = c.listAllDomains().stream().map(Domain::name).sorted().toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    for (int k = 0; k < 10; k++) {
                        List<Domain> all = c.listAllDomains();
                        assertEquals(expected, all.stream().map(Domain::name).sorted().toList());
                        for (Domain d : all) {
                            assertEquals(d.uuid(), c.lookupDomainByName(d.name()).uuid());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String parseRoot(String xml) throws Exception {
        return parse(xml).getTagName();
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    /** The text of the one direct child element called {@code name}; fails when there is not exactly one. */
    private static String childText(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        assertEquals(1, found.size(), "<" + parent.getTagName() + "> must have exactly one <" + name + ">");
        return found.get(0).getTextContent();
    }

    private static String parseRootUnchecked(String xml) {
        try {
            return parseRoot(xml);
        } catch (Exception e) {
            fail("not well-formed XML: " + e.getMessage() + "\n" + xml);
            return null;
        }
    }
}
