package io.jvirt.esx.vi;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.domain.EsxDomain;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Domain;
import io.jvirt.vim25.ArrayOfVirtualDevice;
import io.jvirt.vim25.ObjectFactory;
import io.jvirt.vim25.VimPortType;
import io.jvirt.vim25.VimReadPortType;
import io.jvirt.vim25.VirtualDevice;
import io.jvirt.vim25.VirtualDisk;
import io.jvirt.vim25.VirtualDiskFlatVer2BackingInfo;
import io.jvirt.vim25.VirtualEthernetCard;
import jakarta.xml.ws.RequestWrapper;
import jakarta.xml.ws.ResponseWrapper;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read port and its small binding never lose a value: the binding is closed under
 * subclassing, its port type mirrors the full one, values outside it are read by the full
 * binding, and read-only work never needs the full port.
 */
class ReadBindingTest {
    private static final String VIM25 = "io.jvirt.vim25.";

    /** Every class the subset binds (what its ObjectFactory creates). */
    private static List<Class<?>> boundClasses() {
        return Arrays.stream(ObjectFactory.class.getMethods())
                .map(Method::getReturnType)
                .filter(c -> c.getName().startsWith(VIM25))
                .distinct()
                .toList();
    }

    /**
     * What JAXB must know to read and write everything the roots reach without reading a value
     * as a base class of what was sent: each class with its superclasses and every field type,
     * and for each field type (and root) every bound subclass.
     */
    private static Set<Class<?>> closure(Set<Class<?>> roots) {
        List<Class<?>> bound = boundClasses();
        Set<Class<?>> seen = new HashSet<>();
        Set<Class<?>> expanded = new HashSet<>();
        Deque<Class<?>> polymorphic = new ArrayDeque<>(roots);
        while (!polymorphic.isEmpty()) {
            Class<?> type = polymorphic.poll();
            if (!type.getName().startsWith(VIM25) || !expanded.add(type)) {
                continue;
            }
            for (Class<?> c : bound) {
                if (type.isAssignableFrom(c)) {
                    addWithFields(c, seen, polymorphic);
                }
            }
            addWithFields(type, seen, polymorphic);
        }
        return seen;
    }

    private static void addWithFields(Class<?> c, Set<Class<?>> seen, Deque<Class<?>> polymorphic) {
        for (Class<?> k = c; k != null && k.getName().startsWith(VIM25); k = k.getSuperclass()) {
            if (!seen.add(k)) {
                continue;
            }
            for (Field f : k.getDeclaredFields()) {
                polymorphic.add(f.getType());
                if (f.getGenericType() instanceof ParameterizedType p) {
                    for (Type t : p.getActualTypeArguments()) {
                        if (t instanceof Class<?> item) {
                            polymorphic.add(item);
                        }
                    }
                }
            }
        }
    }

    /** The request and response wrappers and fault beans of the read port's operations. */
    private static Set<Class<?>> operationClasses() throws Exception {
        Set<Class<?>> classes = new HashSet<>();
        for (Method m : VimReadPortType.class.getMethods()) {
            classes.add(Class.forName(m.getAnnotation(RequestWrapper.class).className()));
            classes.add(Class.forName(m.getAnnotation(ResponseWrapper.class).className()));
            for (Class<?> fault : m.getExceptionTypes()) {
                classes.add(fault.getMethod("getFaultInfo").getReturnType());
            }
        }
        return classes;
    }

    private static Set<String> names(Set<Class<?>> classes) {
        return classes.stream().map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theBindingIsExactlyTheClosureOfItsRootsAndOperations() throws Exception {
        Set<Class<?>> roots = new HashSet<>(operationClasses());
        roots.addAll(ReadBindingClasses.ROOTS);
        Set<Class<?>> needed = closure(roots);
        for (Method m : VimReadPortType.class.getMethods()) {
            needed.remove(Class.forName(m.getAnnotation(RequestWrapper.class).className()));
            needed.remove(Class.forName(m.getAnnotation(ResponseWrapper.class).className()));
        }
        Set<Class<?>> held = new HashSet<>(ReadBindingClasses.ALL);
        Set<Class<?>> missing = new HashSet<>(needed);
        missing.removeAll(held);
        Set<Class<?>> extra = new HashSet<>(held);
        extra.removeAll(needed);
        assertEquals(Set.of(), names(missing), "classes the read binding must hold (a value would be read as a base class)");
        assertEquals(Set.of(), names(extra), "classes the read binding holds although nothing reaches them");
        assertEquals(held.size(), ReadBindingClasses.ALL.size(), "no class listed twice");
    }

    @Test
    void everyFaultIsInTheBinding() {
        Set<Class<?>> faults = boundClasses().stream()
                .filter(io.jvirt.vim25.MethodFault.class::isAssignableFrom)
                .collect(Collectors.toSet());
        assertTrue(faults.size() > 40, "the subset binds the vim25 faults: " + faults.size());
        Set<Class<?>> missing = new HashSet<>(faults);
        missing.removeAll(ReadBindingClasses.ALL);
        assertEquals(Set.of(), names(missing));
        // and a good share of the subset stays out of it, or it would not be worth having
        assertTrue(ReadBindingClasses.ALL.size() * 3 < boundClasses().size(),
                ReadBindingClasses.ALL.size() + " of " + boundClasses().size());
    }

    @Test
    void theReadPortTypeMirrorsTheFullOne() throws Exception {
        assertEquals(8, VimReadPortType.class.getMethods().length);
        for (Method read : VimReadPortType.class.getMethods()) {
            Method full = VimPortType.class.getMethod(read.getName(), read.getParameterTypes());
            assertEquals(full.getGenericReturnType(), read.getGenericReturnType(), read.getName());
            assertEquals(Arrays.asList(full.getGenericParameterTypes()), Arrays.asList(read.getGenericParameterTypes()),
                    read.getName());
            assertEquals(Set.of(full.getExceptionTypes()), Set.of(read.getExceptionTypes()), read.getName());
            assertEquals(Set.of(full.getAnnotations()), Set.of(read.getAnnotations()), read.getName());
            assertEquals(Arrays.deepToString(full.getParameterAnnotations()),
                    Arrays.deepToString(read.getParameterAnnotations()), read.getName());
        }
    }

    @Test
    void readOnlyWorkUsesOnlyTheReadPortAndStillReadsEveryValue() {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 2);
             EsxConnection c = SimulatedConnection.esx(sim, "")) {
            VimSession session = ReloginTest.sessionOf(c);
            assertEquals(2, c.listAllDomains().size());
            Domain vm = c.lookupDomainByName("ha-host_VM0");
            assertNotNull(vm.info());
            assertFalse(c.listAllStoragePools().isEmpty());
            assertFalse(c.listAllNetworks().isEmpty());
            assertNotNull(c.nodeInfo());
            assertFalse(session.usesFullPort(), "listings, look-ups, info and node facts need only the read port");

            // virtual devices are not in the read binding: they arrive as XML and are read by the full one
            ObjectProps props = PropertyReader.retrieve(session, Specs.filter(Specs.from(((EsxDomain) vm).mor(), false),
                    Specs.props("VirtualMachine", "config.hardware.device"))).get(0);
            List<VirtualDevice> devices = props.list("config.hardware.device", VirtualDevice.class);
            VirtualDisk disk = devices.stream().filter(VirtualDisk.class::isInstance).map(VirtualDisk.class::cast)
                    .findFirst().orElseThrow();
            VirtualDiskFlatVer2BackingInfo backing = assertInstanceOf(VirtualDiskFlatVer2BackingInfo.class, disk.getBacking());
            assertTrue(backing.getFileName().endsWith(".vmdk"), backing.getFileName());
            assertTrue(devices.stream().anyMatch(VirtualEthernetCard.class::isInstance), "a NIC, as its own subclass");
            assertInstanceOf(ArrayOfVirtualDevice.class, props.props().get("config.hardware.device"));
            assertFalse(session.usesFullPort(), "reading with the full binding is not a call on the full port");

            // a call the read port does not carry goes to the full port, with the same session
            session.call("CurrentTime", p -> p.currentTime(VimSession.serviceInstance()));
            assertTrue(session.usesFullPort());
            assertEquals(2, c.listAllDomains().size(), "reads still work after the full port was made");
        }
    }
}
