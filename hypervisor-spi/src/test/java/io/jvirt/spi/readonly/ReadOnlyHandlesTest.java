package io.jvirt.spi.readonly;

import io.jvirt.spi.Connection;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainSnapshot;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.HostInterface;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.InterfaceAddressSource;
import io.jvirt.spi.Network;
import io.jvirt.spi.ReadOnlyAllowed;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 9.1: read-only connections deny every modifying method of every handle before the
 * driver sees it. The classification below is the reviewed list, after libvirt's
 * {@code virCheckReadOnlyGoto} calls: a method added to a handle interface fails
 * {@link #everyMethodOfEveryHandleIsClassified} until it is put in one of the two lists.
 */
class ReadOnlyHandlesTest {

    /** Allowed on a read-only connection (changes nothing, discloses nothing libvirt withholds). */
    private static final Set<String> ALLOWED = Set.of(
            "Connection.type()", "Connection.version()", "Connection.uri()", "Connection.hostname()",
            "Connection.isAlive()", "Connection.isEncrypted()", "Connection.isSecure()", "Connection.isReadOnly()",
            "Connection.nodeInfo()", "Connection.nodeCpuStats(int)", "Connection.nodeMemoryStats(int)",
            "Connection.freeMemory()", "Connection.capabilities()", "Connection.maxVcpus(String)",
            "Connection.supportsFeature(String)", "Connection.close()", "Connection.listAllDomains()",
            "Connection.listAllDomains(Set)", "Connection.listDomainIds()", "Connection.listDefinedDomainNames()",
            "Connection.lookupDomainById(int)", "Connection.lookupDomainByName(String)", "Connection.lookupDomainByUuid(UUID)",
            "Connection.listAllStoragePools()", "Connection.lookupStoragePoolByName(String)",
            "Connection.lookupStoragePoolByUuid(UUID)", "Connection.lookupStorageVolumeByPath(String)",
            "Connection.lookupStorageVolumeByKey(String)", "Connection.listAllNetworks()",
            "Connection.lookupNetworkByName(String)", "Connection.lookupNetworkByUuid(UUID)",
            "Connection.listAllInterfaces()", "Connection.lookupInterfaceByName(String)",
            "Connection.lookupInterfaceByMac(String)",
            "Connection.registerDomainEvents(EventFilter,DomainEventListener)", "Connection.allDomainStats(Set,Set)",
            "Connection.domainStats(List,Set)", "Connection.sysinfo()", "Domain.jobInfo()",
            "Domain.connection()", "Domain.name()", "Domain.uuid()", "Domain.id()", "Domain.state()",
            "Domain.currentState()", "Domain.info()", "Domain.osType()", "Domain.maxMemory()", "Domain.maxVcpus()",
            "Domain.isActive()", "Domain.isPersistent()", "Domain.isUpdated()", "Domain.xmlDesc(Set)", "Domain.xmlDesc()",
            "Domain.interfaceAddresses(InterfaceAddressSource)", "Domain.blockStats(String)", "Domain.interfaceStats(String)",
            "Domain.hasManagedSaveImage()",
            "Domain.memoryParameters()", "Domain.schedulerType()", "Domain.schedulerParameters()", "Domain.autostart()",
            "Domain.listSnapshots(Set)", "Domain.snapshotLookupByName(String)", "Domain.hasCurrentSnapshot()",
            "Domain.currentSnapshot()", "Domain.diskDevices(boolean)", "Domain.interfaceDevices(boolean)",
            "DomainSnapshot.domain()", "DomainSnapshot.name()", "DomainSnapshot.xmlDesc()", "DomainSnapshot.xmlDesc(Set)",
            "DomainSnapshot.parent()", "DomainSnapshot.listChildren(Set)", "DomainSnapshot.isCurrent()",
            "DomainSnapshot.hasMetadata()",
            "StoragePool.connection()", "StoragePool.name()", "StoragePool.uuid()", "StoragePool.info()",
            "StoragePool.xmlDesc()", "StoragePool.isActive()", "StoragePool.isPersistent()", "StoragePool.autostart()",
            "StoragePool.listAllVolumes()", "StoragePool.lookupVolumeByName(String)",
            "StorageVolume.pool()", "StorageVolume.name()", "StorageVolume.key()", "StorageVolume.path()",
            "StorageVolume.info()", "StorageVolume.xmlDesc()",
            "Network.connection()", "Network.name()", "Network.uuid()", "Network.xmlDesc()", "Network.bridgeName()",
            "Network.isActive()", "Network.isPersistent()", "Network.autostart()",
            "HostInterface.connection()", "HostInterface.name()", "HostInterface.mac()", "HostInterface.isActive()",
            "HostInterface.xmlDesc(boolean)");

    /** Denied: they change something, or libvirt denies them to read-only clients. */
    private static final Set<String> DENIED = Set.of(
            "Connection.defineDomain(String)", "Connection.defineDomain(String,ProgressListener)",
            "Connection.domainXmlFromNative(String,String)", "Connection.domainXmlFromNative(String,String,Set)",
            "Connection.domainXmlToNative(String,String)", "Connection.defineNetwork(String)",
            "Domain.guestHostname()", "Domain.create()", "Domain.create(ProgressListener)", "Domain.shutdown()",
            "Domain.reboot()", "Domain.reset()", "Domain.destroy()", "Domain.suspend()", "Domain.resume()",
            "Domain.undefine()", "Domain.managedSaveRemove()", "Domain.setMemory(long)", "Domain.setMaxMemory(long)",
            "Domain.setVcpus(int)", "Domain.setMemoryParameters(List)", "Domain.setSchedulerParameters(List)",
            "Domain.setAutostart(boolean)", "Domain.createSnapshot(String,Set,ProgressListener)",
            "Domain.migrate(Connection,Set,String,String,long,ProgressListener)",
            "Domain.attachDevice(String,Set)", "Domain.detachDevice(String,Set)", "Domain.updateDevice(String,Set)",
            "DomainSnapshot.revert(ProgressListener)", "DomainSnapshot.delete(Set,ProgressListener)",
            "StoragePool.setAutostart(boolean)", "StoragePool.refresh()",
            "StoragePool.createVolume(String,ProgressListener)",
            "StoragePool.createVolumeFrom(String,StorageVolume,ProgressListener)",
            "StorageVolume.delete()", "StorageVolume.wipe()", "StorageVolume.upload(InputStream,long,long,ProgressListener)",
            "StorageVolume.download(OutputStream,long,long,ProgressListener)",
            "Network.setAutostart(boolean)", "Network.undefine()",
            // clone, console, jobs (a console ticket and a screenshot are denied as libvirt denies screenshots)
            "Domain.clone(String,CloneOptions)", "Domain.screenshot(int)", "Domain.sendKey(KeycodeSet,int,int[])",
            "Domain.displayUri(String,boolean)", "Domain.abortJob()", "Domain.setCurrentSnapshot(String)");

    private static String signature(Class<?> type, Method m) {
        return type.getSimpleName() + "." + m.getName() + "(" + Arrays.stream(m.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(",")) + ")";
    }

    private static List<Method> methods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()).toList();
    }

    @Test
    void everyMethodOfEveryHandleIsClassified() {
        Set<String> annotated = new TreeSet<>();
        Set<String> unannotated = new TreeSet<>();
        for (Class<?> type : ReadOnlyHandles.HANDLE_TYPES) {
            for (Method m : methods(type)) {
                (m.isAnnotationPresent(ReadOnlyAllowed.class) ? annotated : unannotated).add(signature(type, m));
            }
        }
        assertEquals(new TreeSet<>(ALLOWED), annotated, "methods marked @ReadOnlyAllowed");
        assertEquals(new TreeSet<>(DENIED), unannotated, "methods denied on read-only connections");
    }

    @Test
    void everyHandleInterfaceOfTheApiIsCovered() {
        // a handle is an API interface with a connection(), domain() or pool() accessor
        Set<Class<?>> reachable = new java.util.HashSet<>();
        for (Class<?> type : ReadOnlyHandles.HANDLE_TYPES) {
            for (Method m : methods(type)) {
                Class<?> r = m.getReturnType();
                if (r.isInterface() && r.getPackageName().equals("io.jvirt.spi")) {
                    reachable.add(r);
                }
                if (r == List.class && ((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0]
                        instanceof Class<?> c && c.isInterface() && c.getPackageName().equals("io.jvirt.spi")) {
                    reachable.add(c);
                }
            }
        }
        reachable.remove(io.jvirt.spi.ProgressListener.class);
        assertTrue(ReadOnlyHandles.HANDLE_TYPES.containsAll(reachable), "handle types returned by the API: " + reachable);
    }

    /** A read-only handle of each type, reached from the read-only connection. */
    private static Object handleOf(Class<?> type, Connection ro) {
        Domain d = ro.lookupDomainByName("d");
        StoragePool p = ro.lookupStoragePoolByName("p");
        if (type == Connection.class) {
            return ro;
        } else if (type == Domain.class) {
            return d;
        } else if (type == DomainSnapshot.class) {
            return d.snapshotLookupByName("s");
        } else if (type == StoragePool.class) {
            return p;
        } else if (type == StorageVolume.class) {
            return p.lookupVolumeByName("v");
        } else if (type == Network.class) {
            return ro.lookupNetworkByName("n");
        } else if (type == HostInterface.class) {
            return ro.lookupInterfaceByName("i");
        }
        throw new AssertionError("no handle of " + type);
    }

    @Test
    void deniedMethodsNeverReachTheDriverAllowedOnesDo() throws Exception {
        RecordingHandles driver = new RecordingHandles();
        Connection ro = ReadOnlyHandles.wrap(driver.connection);
        int checked = 0;
        for (Class<?> type : ReadOnlyHandles.HANDLE_TYPES) {
            Object handle = handleOf(type, ro);
            assertTrue(ReadOnlyHandles.isReadOnlyHandle(handle), type.getSimpleName());
            for (Method m : methods(type)) {
                if (m.getName().equals("close")) {
                    continue; // checked last
                }
                driver.calls.clear();
                String sig = signature(type, m);
                try {
                    Object result = m.invoke(handle, driver.arguments(m));
                    assertTrue(ALLOWED.contains(sig), sig + " must have been denied");
                    if (sig.equals("Connection.isReadOnly()")) {
                        assertEquals(true, result, "answered by the read-only view itself");
                        assertEquals(List.of(), driver.calls);
                    } else {
                        assertEquals(List.of(type.getSimpleName() + "." + m.getName()), driver.calls, sig);
                    }
                } catch (InvocationTargetException e) {
                    if (!(e.getCause() instanceof HypervisorException h)) {
                        throw e;
                    }
                    assertTrue(DENIED.contains(sig), sig + " was denied: " + h.getMessage());
                    assertEquals(ErrorCode.OPERATION_DENIED, h.code(), sig);
                    assertEquals("read only access prevents " + type.getSimpleName() + "." + m.getName(), h.getMessage());
                    assertEquals("operation forbidden: read only access prevents " + type.getSimpleName() + "."
                            + m.getName(), h.code().present(h.getMessage()));
                    assertEquals(List.of(), driver.calls, sig + " reached the driver");
                }
                checked++;
            }
        }
        assertEquals(ALLOWED.size() + DENIED.size() - 1, checked);
        driver.calls.clear();
        ro.close();
        assertEquals(List.of("Connection.close"), driver.calls);
    }

    @Test
    void everyHandleReachedFromAReadOnlyHandleIsReadOnly() {
        RecordingHandles driver = new RecordingHandles();
        Connection ro = ReadOnlyHandles.wrap(driver.connection);
        assertTrue(ro.isReadOnly());
        assertFalse(driver.connection.isReadOnly(), "the fake itself says false");
        Domain d = ro.listAllDomains().get(0);
        assertTrue(ReadOnlyHandles.isReadOnlyHandle(d));
        assertSame(ro, d.connection(), "the way back leads to the read-only connection, not the driver's");
        DomainSnapshot s = d.listSnapshots(Set.of()).get(1);
        assertSame(ro, s.domain().connection());
        assertThrows(HypervisorException.class, () -> s.domain().connection().defineDomain("<domain/>"));
        assertThrows(HypervisorException.class, () -> s.parent().listChildren(Set.of()).get(0).revert(null));
        StorageVolume v = ro.listAllStoragePools().get(0).listAllVolumes().get(0);
        assertSame(ro, v.pool().connection());
        assertThrows(HypervisorException.class, v::wipe);
        assertThrows(HypervisorException.class, () -> ro.lookupStorageVolumeByKey("k").pool().refresh());
        assertThrows(HypervisorException.class, () -> ro.listAllNetworks().get(0).connection().defineNetwork("<n/>"));
        assertSame(ro, ro.listAllInterfaces().get(0).connection());
        assertEquals(List.of(), ro.listDomainIds(), "lists of values pass through");
        assertSame(ro, ReadOnlyHandles.wrap(ro), "wrapping twice changes nothing");
    }

    @Test
    void secureXmlAndTheGuestAgentAreDeniedLikeInLibvirt() {
        RecordingHandles driver = new RecordingHandles();
        Connection ro = ReadOnlyHandles.wrap(driver.connection);
        Domain d = ro.lookupDomainByName("d");
        driver.calls.clear();
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> d.xmlDesc(Set.of(DomainXmlFlag.INACTIVE, DomainXmlFlag.SECURE)));
        assertEquals(ErrorCode.OPERATION_DENIED, e.code());
        assertEquals("operation forbidden: Domain.xmlDesc with secure flag", e.code().present(e.getMessage()));
        DomainSnapshot s = d.currentSnapshot();
        driver.calls.clear();
        assertEquals(ErrorCode.OPERATION_DENIED,
                assertThrows(HypervisorException.class, () -> s.xmlDesc(Set.of(DomainXmlFlag.SECURE))).code());
        assertEquals(ErrorCode.OPERATION_DENIED, assertThrows(HypervisorException.class,
                () -> d.interfaceAddresses(InterfaceAddressSource.AGENT)).code());
        assertEquals(List.of(), driver.calls);
        d.xmlDesc(Set.of(DomainXmlFlag.INACTIVE));
        s.xmlDesc(Set.of());
        d.interfaceAddresses(InterfaceAddressSource.LEASE);
        assertEquals(List.of("Domain.xmlDesc", "DomainSnapshot.xmlDesc", "Domain.interfaceAddresses"), driver.calls);
    }

    @Test
    void equalityAndTextFollowTheDriversHandles() {
        RecordingHandles driver = new RecordingHandles();
        Connection ro = ReadOnlyHandles.wrap(driver.connection);
        Domain d = ro.lookupDomainByName("d");
        assertEquals("RecordingDomain", d.toString());
        assertEquals(ro, ro.lookupDomainByName("d").connection());
        assertFalse(d.equals(ro.lookupDomainByName("d")), "two driver handles the fake does not consider equal");
        List<Object> handles = new ArrayList<>(List.of(d));
        assertTrue(handles.contains(d));
        if (!ReadOnlyHandles.isReadOnlyHandle(d)) {
            fail("not wrapped");
        }
    }
}
