package io.jvirt.conformance.contract;

import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainSnapshot;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.HostInterface;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.InterfaceAddressSource;
import io.jvirt.spi.Network;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import io.jvirt.spi.readonly.ReadOnlyHandles;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link Feature#READ_ONLY}: a connection from {@link ConnectionFactory#openReadOnly} to the
 * target reads like any other, and every method a read-only connection must deny (every handle
 * method not marked {@code @ReadOnlyAllowed}, secure XML, agent addresses) fails with
 * {@code OPERATION_DENIED} on the target's real handles, without a request to the server (the
 * in-JVM simulators count requests) and without any change seen through the connection.
 *
 * <p>Handles are taken from what the target has: every target has domains, pools, networks and
 * interfaces. Volumes and snapshots are checked where they exist; on a shared server where
 * snapshots can be tested (the in-JVM simulators) a snapshot is first made through the writable
 * connection so that one exists. The test driver's in-memory host is new for each connection and has neither; the
 * generic proxy behind them is checked for every method by hypervisor-spi's ReadOnlyHandlesTest.
 */
final class ReadOnlyContract {
    private ReadOnlyContract() {
    }

    static void check(ConformanceTarget t, Connection writable) throws Exception {
        DomainSnapshot made = makeSnapshot(t, writable);
        try (Connection ro = ConnectionFactory.openReadOnly(t.uri(), t.authenticator(), t.env())) {
            assertTrue(ro.isReadOnly());
            assertTrue(ReadOnlyHandles.isReadOnlyHandle(ro));
            assertFalse(writable.isReadOnly());
            assertEquals(names(writable.listAllDomains()), names(ro.listAllDomains()), "reads work as usual");

            Map<Class<?>, Object> handles = handles(ro, made == null ? null : made.name());
            String before = fingerprint(ro);
            OptionalLong requestsBefore = t.requestCount();
            List<String> denied = new ArrayList<>();
            for (Map.Entry<Class<?>, Object> h : handles.entrySet()) {
                for (Method m : h.getKey().getDeclaredMethods()) {
                    if (Modifier.isStatic(m.getModifiers()) || ReadOnlyHandles.allowed(m)) {
                        continue;
                    }
                    expectDenied(h.getKey().getSimpleName() + "." + m.getName(),
                            () -> m.invoke(h.getValue(), arguments(m, handles)));
                    denied.add(h.getKey().getSimpleName() + "." + m.getName());
                }
            }
            Domain d = (Domain) handles.get(Domain.class);
            expectDenied("Domain.xmlDesc(SECURE)", () -> d.xmlDesc(Set.of(DomainXmlFlag.SECURE)));
            expectDenied("Domain.interfaceAddresses(AGENT)", () -> d.interfaceAddresses(InterfaceAddressSource.AGENT));
            if (handles.containsKey(DomainSnapshot.class)) {
                DomainSnapshot s = (DomainSnapshot) handles.get(DomainSnapshot.class);
                expectDenied("DomainSnapshot.xmlDesc(SECURE)", () -> s.xmlDesc(Set.of(DomainXmlFlag.SECURE)));
            }
            if (requestsBefore.isPresent()) {
                assertEquals(requestsBefore.getAsLong(), t.requestCount().getAsLong(),
                        "denied calls sent requests to the server");
            }
            assertEquals(before, fingerprint(ro), "a denied call changed something");
            assertTrue(denied.containsAll(List.of("Domain.create", "Domain.destroy", "Connection.defineDomain",
                    "StoragePool.refresh", "Network.undefine")), denied.toString());
        } finally {
            if (made != null) {
                made.delete(Set.of(), ProgressListener.NONE);
            }
        }
    }

    /** A snapshot on the lifecycle domain, where the target can take one, so that snapshot handles are checked. */
    private static DomainSnapshot makeSnapshot(ConformanceTarget t, Connection writable) {
        if (!t.connectionsShareState() || t.lifecycleDomain() == null || !t.supported().contains(Feature.SNAPSHOTS)
                || t.notTestable().containsKey(Feature.SNAPSHOTS)) {
            return null;
        }
        return writable.lookupDomainByName(t.lifecycleDomain())
                .createSnapshot("<domainsnapshot><name>conf-ro</name></domainsnapshot>", Set.of(), ProgressListener.NONE);
    }

    private static Map<Class<?>, Object> handles(Connection ro, String snapshot) {
        Map<Class<?>, Object> h = new LinkedHashMap<>();
        h.put(Connection.class, ro);
        List<Domain> domains = ro.listAllDomains();
        assertFalse(domains.isEmpty());
        h.put(Domain.class, domains.get(0));
        for (Domain d : domains) {
            if (snapshot != null) {
                for (DomainSnapshot s : d.listSnapshots(Set.of())) {
                    h.putIfAbsent(DomainSnapshot.class, s);
                }
            }
        }
        List<StoragePool> pools = ro.listAllStoragePools();
        assertFalse(pools.isEmpty());
        h.put(StoragePool.class, pools.get(0));
        for (StoragePool p : pools) {
            for (StorageVolume v : p.listAllVolumes()) {
                h.putIfAbsent(StorageVolume.class, v);
            }
        }
        List<Network> networks = ro.listAllNetworks();
        assertFalse(networks.isEmpty());
        h.put(Network.class, networks.get(0));
        List<HostInterface> interfaces = ro.listAllInterfaces();
        assertFalse(interfaces.isEmpty());
        h.put(HostInterface.class, interfaces.get(0));
        for (Object handle : h.values()) {
            assertTrue(ReadOnlyHandles.isReadOnlyHandle(handle), handle + " is not read-only");
        }
        if (snapshot != null) {
            assertTrue(h.containsKey(DomainSnapshot.class), "the snapshot made for the check is not visible");
        }
        return h;
    }

    /** What a change would show: domains with state and snapshots, pools with volumes, networks. */
    private static String fingerprint(Connection c) {
        StringBuilder sb = new StringBuilder();
        for (Domain d : c.listAllDomains()) {
            sb.append(d.name()).append(' ').append(d.currentState()).append(' ')
                    .append(names(d.listSnapshots(Set.of()).stream().map(DomainSnapshot::name).toList())).append('\n');
        }
        for (StoragePool p : c.listAllStoragePools()) {
            sb.append(p.name()).append(' ').append(new TreeSet<>(p.listAllVolumes().stream().map(StorageVolume::name).toList()))
                    .append('\n');
        }
        for (Network n : c.listAllNetworks()) {
            sb.append(n.name()).append('\n');
        }
        return sb.toString();
    }

    private static Set<String> names(List<?> items) {
        Set<String> out = new TreeSet<>();
        for (Object o : items) {
            out.add(o instanceof Domain d ? d.name() : String.valueOf(o));
        }
        return out;
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void expectDenied(String what, Call call) throws Exception {
        try {
            call.run();
            fail(what + " was not denied on a read-only connection");
        } catch (InvocationTargetException e) {
            denied(what, e.getCause());
        } catch (HypervisorException e) {
            denied(what, e);
        }
    }

    private static void denied(String what, Throwable e) {
        if (!(e instanceof HypervisorException h)) {
            throw new AssertionError(what + " failed with " + e, e);
        }
        assertEquals(ErrorCode.OPERATION_DENIED, h.code(), () -> what + ": " + h);
    }

    /** Plausible arguments: the target's own read-only handles for handle parameters. */
    private static Object[] arguments(Method m, Map<Class<?>, Object> handles) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            args[i] = handles.containsKey(t) ? handles.get(t)
                    : t == String.class ? "<domain type='test'><name>ro-probe</name></domain>"
                    : t == int.class ? 1 : t == long.class ? 1024L : t == boolean.class ? true
                    : t == Set.class ? Set.of() : t == List.class ? List.of()
                    : t == UUID.class ? new UUID(0, 0) : t == ProgressListener.class ? ProgressListener.NONE
                    : t == InputStream.class ? new ByteArrayInputStream(new byte[16])
                    : t == OutputStream.class ? OutputStream.nullOutputStream()
                    : t.isEnum() ? t.getEnumConstants()[0] : null;
        }
        return args;
    }
}
