package io.jvirt.esx.domain.snapshot;

import io.jvirt.esx.vi.Mor;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.VirtualMachinePowerState;
import io.jvirt.vim25.VirtualMachineSnapshotTree;
import org.junit.jupiter.api.Test;

import javax.xml.datatype.DatatypeFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tree walks over:
 * <pre>
 * a            (root)
 * +- b
 * |  +- c      (leaf)
 * |  +- x      (leaf; a second "x" is a root below)
 * +- d         (leaf)
 * x            (root, leaf)
 * </pre>
 */
class SnapshotTreeTest {
    private static VirtualMachineSnapshotTree node(String name, String mor, VirtualMachineSnapshotTree... children) {
        VirtualMachineSnapshotTree t = new VirtualMachineSnapshotTree();
        t.setName(name);
        t.setSnapshot(Mor.of("VirtualMachineSnapshot", mor));
        t.getChildSnapshotList().addAll(List.of(children));
        return t;
    }

    private final VirtualMachineSnapshotTree c = node("c", "s-c");
    private final VirtualMachineSnapshotTree innerX = node("x", "s-x1");
    private final VirtualMachineSnapshotTree b = node("b", "s-b", c, innerX);
    private final VirtualMachineSnapshotTree d = node("d", "s-d");
    private final VirtualMachineSnapshotTree a = node("a", "s-a", b, d);
    private final VirtualMachineSnapshotTree rootX = node("x", "s-x2");
    private final List<VirtualMachineSnapshotTree> roots = List.of(a, rootX);

    @Test
    void findByNameIsPreOrderAndReportsTheParent() {
        SnapshotTree.Found x = SnapshotTree.findByName(roots, "x").orElseThrow();
        assertEquals("s-x1", x.node().getSnapshot().getValue(), "the nested x comes before the later root x");
        assertEquals("b", x.parent().getName());
        assertNull(SnapshotTree.findByName(roots, "a").orElseThrow().parent());
        assertEquals("a", SnapshotTree.findByName(roots, "d").orElseThrow().parent().getName());
        assertTrue(SnapshotTree.findByName(roots, "A").isEmpty(), "case-sensitive");
        HypervisorException e = assertThrows(HypervisorException.class, () -> SnapshotTree.requireByName(roots, "zz"));
        assertEquals(ErrorCode.NO_DOMAIN_SNAPSHOT, e.code());
        assertEquals("Could not find snapshot with name 'zz'", e.getMessage());
    }

    @Test
    void findByMor() {
        assertEquals("d", SnapshotTree.requireByMor(roots, Mor.of("VirtualMachineSnapshot", "s-d")).getName());
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> SnapshotTree.requireByMor(roots, Mor.of("VirtualMachineSnapshot", "s-q")));
        assertEquals("Could not find domain snapshot with internal name 's-q'", e.getMessage());
        assertEquals(ErrorCode.NO_DOMAIN_SNAPSHOT, e.code());
    }

    @Test
    void countAndNames() {
        assertEquals(6, SnapshotTree.count(roots, true, false));
        assertEquals(2, SnapshotTree.count(roots, false, false));
        assertEquals(4, SnapshotTree.count(roots, true, true));
        assertEquals(1, SnapshotTree.count(roots, false, true), "roots that are leaves: only x");
        assertEquals(List.of("a", "b", "c", "x", "d", "x"), SnapshotTree.names(roots, 100, true, false));
        assertEquals(List.of("c", "x", "d", "x"), SnapshotTree.names(roots, 100, true, true));
        assertEquals(List.of("a", "x"), SnapshotTree.names(roots, 100, false, false));
        assertEquals(List.of("a", "b", "c"), SnapshotTree.names(roots, 3, true, false));
        assertEquals(List.of(), SnapshotTree.names(roots, 0, true, false));
        assertEquals(List.of("c", "x"), SnapshotTree.names(b.getChildSnapshotList(), 10, false, false));
    }

    @Test
    void xmlOfANode() throws Exception {
        c.setDescription("before <upgrade> & more");
        c.setState(VirtualMachinePowerState.POWERED_ON);
        c.setCreateTime(DatatypeFactory.newInstance().newXMLGregorianCalendar("2024-01-02T03:04:05.678Z"));
        String xml = DomainSnapshots.format(SnapshotTree.requireByName(roots, "c"),
                java.util.UUID.fromString("01234567-89ab-cdef-0123-456789abcdef"));
        assertEquals("""
                <domainsnapshot>
                  <name>c</name>
                  <description>before &lt;upgrade&gt; &amp; more</description>
                  <state>running</state>
                  <parent>
                    <name>b</name>
                  </parent>
                  <creationTime>1704164645</creationTime>
                  <domain>
                    <uuid>01234567-89ab-cdef-0123-456789abcdef</uuid>
                  </domain>
                </domainsnapshot>
                """, xml);
        a.setState(null);
        String root = DomainSnapshots.format(SnapshotTree.requireByName(roots, "a"),
                java.util.UUID.fromString("01234567-89ab-cdef-0123-456789abcdef"));
        assertTrue(root.contains("<description></description>") && !root.contains("<state>") && !root.contains("<parent>"), root);
    }

    @Test
    void parseSnapshotXml() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1700000000), ZoneOffset.UTC);
        assertEquals(new DomainSnapshots.SnapshotRequest("s1", "d"),
                DomainSnapshots.parse("<domainsnapshot><name>s1</name><description>d</description>"
                        + "<memory snapshot='no'/><disks/></domainsnapshot>", clock));
        assertEquals(new DomainSnapshots.SnapshotRequest("1700000000", null),
                DomainSnapshots.parse("<domainsnapshot/>", clock));
        HypervisorException e = assertThrows(HypervisorException.class, () -> DomainSnapshots.parse(
                "<domainsnapshot><disks><disk name='sda'/></disks></domainsnapshot>", clock));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals("disk snapshots not supported yet", e.getMessage());
        e = assertThrows(HypervisorException.class, () -> DomainSnapshots.parse("<domain/>", clock));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertThrows(HypervisorException.class, () -> DomainSnapshots.parse("<domainsnapshot>", clock));
    }
}
