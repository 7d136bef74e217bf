package io.jvirt.esx.domain.snapshot;

import io.jvirt.esx.domain.EsxDomain;
import io.jvirt.esx.domain.PowerStates;
import io.jvirt.esx.domain.PrepareForTask;
import io.jvirt.esx.domain.SnapshotOperations;
import io.jvirt.esx.domain.WriteContext;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.Tasks;
import io.jvirt.spi.DomainSnapshot;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.SnapshotFlag;
import io.jvirt.spi.xml.SafeXml;
import io.jvirt.spi.xml.XmlNode;
import io.jvirt.spi.xml.DomainSnapshotDef;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VirtualMachineSnapshotTree;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Snapshots (esx-spec 2.10). ESX keeps the whole tree in the VM's {@code snapshot} property, so
 * every read is one request for {@code snapshot.rootSnapshotList} (and
 * {@code snapshot.currentSnapshot} when needed); handles carry only the name, like libvirt's.
 * Task waits watch the VM for questions.
 */
public final class DomainSnapshots implements SnapshotOperations {
    static final String ROOTS = "snapshot.rootSnapshotList";
    static final String CURRENT = "snapshot.currentSnapshot";

    private final WriteContext ctx;
    private final Clock clock;

    public DomainSnapshots(WriteContext ctx, Clock clock) {
        this.ctx = ctx;
        this.clock = clock;
    }

    // ---- create ------------------------------------------------------------------------------

    /** What a {@code <domainsnapshot>} document asks for. */
    record SnapshotRequest(String name, String description) {
    }

    /**
     * Parses {@code <domainsnapshot>}: name (default: the current epoch seconds, as libvirt),
     * description; any {@code <disks>/<disk>} is unsupported. {@code <memory>} is ignored: only
     * the DISK_ONLY flag decides whether memory is saved (esx-spec 7.2 #32, kept).
     */
    static SnapshotRequest parse(String xml, Clock clock) {
        XmlNode root = SafeXml.parse(xml);
        XmlNode disks = root.child("disks");
        if ("domainsnapshot".equals(root.name()) && disks != null && !disks.children("disk").isEmpty()) {
            throw new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.ESX, "disk snapshots not supported yet");
        }
        DomainSnapshotDef def = DomainSnapshotDef.parse(xml);
        String name = def.name() == null || def.name().isEmpty()
                ? String.valueOf(clock.instant().getEpochSecond()) : def.name();
        return new SnapshotRequest(name, def.description());
    }

    /** {@code domainSnapshotCreateXML}: flags DISK_ONLY, QUIESCE, NO_METADATA, VALIDATE. */
    @Override
    public DomainSnapshot create(EsxDomain d, String xml, Set<SnapshotFlag> flags, ProgressListener progress) {
        checkFlags("createSnapshot", flags, SnapshotFlag.DISK_ONLY, SnapshotFlag.QUIESCE, SnapshotFlag.NO_METADATA,
                SnapshotFlag.VALIDATE);
        if (xml == null) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "snapshot XML must not be null");
        }
        SnapshotRequest request = parse(xml, clock);
        WriteContext.VmRef ref = ctx.primaryVm(d);
        ObjectProps vm = PrepareForTask.prepare(ref, ctx.autoAnswer(), List.of(ROOTS));
        if (SnapshotTree.findByName(vm.list(ROOTS, VirtualMachineSnapshotTree.class), request.name()).isPresent()) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX,
                    "Snapshot '" + request.name() + "' already exists");
        }
        boolean memory = !flags.contains(SnapshotFlag.DISK_ONLY);
        boolean quiesce = flags.contains(SnapshotFlag.QUIESCE);
        ctx.tasks(ref.session()).run("CreateSnapshot_Task",
                p -> p.createSnapshotTask(ref.vm(), request.name(), request.description(), memory, quiesce),
                watch(ref), progress, "Could not create snapshot");
        return new EsxSnapshot(this, d, request.name());
    }

    // ---- reads -------------------------------------------------------------------------------

    private ObjectProps read(EsxDomain d, String... paths) {
        return WriteContext.read(ctx.primaryVm(d), List.of(paths));
    }

    private static List<VirtualMachineSnapshotTree> roots(ObjectProps vm) {
        return vm.list(ROOTS, VirtualMachineSnapshotTree.class);
    }

    /** {@code domainSnapshotListNames}: ROOTS, LEAVES, METADATA (METADATA: none, ESX keeps no libvirt metadata). */
    @Override
    public List<DomainSnapshot> list(EsxDomain d, Set<SnapshotFlag> flags) {
        checkFlags("listSnapshots", flags, SnapshotFlag.ROOTS, SnapshotFlag.LEAVES, SnapshotFlag.METADATA);
        if (flags.contains(SnapshotFlag.METADATA)) {
            return List.of();
        }
        List<VirtualMachineSnapshotTree> roots = roots(read(d, ROOTS));
        return handles(d, SnapshotTree.names(roots, Integer.MAX_VALUE, !flags.contains(SnapshotFlag.ROOTS),
                flags.contains(SnapshotFlag.LEAVES)));
    }

    /** {@code domainSnapshotNum}. */
    @Override
    public int count(EsxDomain d, Set<SnapshotFlag> flags) {
        checkFlags("snapshotCount", flags, SnapshotFlag.ROOTS, SnapshotFlag.LEAVES, SnapshotFlag.METADATA);
        if (flags.contains(SnapshotFlag.METADATA)) {
            return 0;
        }
        return SnapshotTree.count(roots(read(d, ROOTS)), !flags.contains(SnapshotFlag.ROOTS),
                flags.contains(SnapshotFlag.LEAVES));
    }

    @Override
    public DomainSnapshot lookupByName(EsxDomain d, String name) {
        SnapshotTree.requireByName(roots(read(d, ROOTS)), name);
        return new EsxSnapshot(this, d, name);
    }

    @Override
    public boolean hasCurrent(EsxDomain d) {
        return read(d, CURRENT).get(CURRENT).isPresent();
    }

    @Override
    public DomainSnapshot current(EsxDomain d) {
        return new EsxSnapshot(this, d, currentNode(d, read(d, CURRENT, ROOTS)).getName());
    }

    private static VirtualMachineSnapshotTree currentNode(EsxDomain d, ObjectProps vm) {
        ManagedObjectReference current = vm.get(CURRENT, ManagedObjectReference.class).orElseThrow(() ->
                new HypervisorException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.ESX, "Domain has no current snapshot"));
        if (vm.get(ROOTS).isEmpty()) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "Could not lookup root snapshot list");
        }
        return SnapshotTree.requireByMor(roots(vm), current);
    }

    // ---- on one snapshot ---------------------------------------------------------------------

    DomainSnapshot parent(EsxSnapshot s) {
        SnapshotTree.Found found = SnapshotTree.requireByName(roots(read(s.esxDomain(), ROOTS)), s.name());
        if (found.parent() == null) {
            throw new HypervisorException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.ESX,
                    "snapshot '" + s.name() + "' does not have a parent");
        }
        return new EsxSnapshot(this, s.esxDomain(), found.parent().getName());
    }

    /** Children: DESCENDANTS (whole subtree), LEAVES, METADATA (none). */
    List<DomainSnapshot> children(EsxSnapshot s, Set<SnapshotFlag> flags) {
        checkFlags("listChildren", flags, SnapshotFlag.DESCENDANTS, SnapshotFlag.LEAVES, SnapshotFlag.METADATA);
        SnapshotTree.Found found = SnapshotTree.requireByName(roots(read(s.esxDomain(), ROOTS)), s.name());
        if (flags.contains(SnapshotFlag.METADATA)) {
            return List.of();
        }
        return handles(s.esxDomain(), SnapshotTree.names(found.node().getChildSnapshotList(), Integer.MAX_VALUE,
                flags.contains(SnapshotFlag.DESCENDANTS), flags.contains(SnapshotFlag.LEAVES)));
    }

    boolean isCurrent(EsxSnapshot s) {
        ObjectProps vm = read(s.esxDomain(), CURRENT, ROOTS);
        SnapshotTree.requireByName(roots(vm), s.name());
        return currentNode(s.esxDomain(), vm).getName().equals(s.name());
    }

    boolean hasMetadata(EsxSnapshot s) {
        SnapshotTree.requireByName(roots(read(s.esxDomain(), ROOTS)), s.name());
        return false;
    }

    String xmlDesc(EsxSnapshot s) {
        SnapshotTree.Found found = SnapshotTree.requireByName(roots(read(s.esxDomain(), ROOTS)), s.name());
        return format(found, s.esxDomain().uuid());
    }

    /** The {@code <domainsnapshot>} XML of a tree node (esx-spec 2.10); the description even when empty. */
    static String format(SnapshotTree.Found found, UUID domainUuid) {
        VirtualMachineSnapshotTree node = found.node();
        String state = switch (PowerStates.toDomainState(node.getState())) {
            case SHUTOFF -> "shutoff";
            case RUNNING -> "running";
            case PAUSED -> "paused";
            default -> null;
        };
        long created = node.getCreateTime() == null ? -1
                : Math.floorDiv(node.getCreateTime().toGregorianCalendar().getTimeInMillis(), 1000);
        return new DomainSnapshotDef(node.getName(), node.getDescription() == null ? "" : node.getDescription(), state,
                found.parent() == null ? null : found.parent().getName(), created, domainUuid).format();
    }

    void revert(EsxSnapshot s, ProgressListener progress) {
        VirtualMachineSnapshotTree node = SnapshotTree.requireByName(roots(read(s.esxDomain(), ROOTS)), s.name()).node();
        WriteContext.VmRef ref = ctx.primaryVm(s.esxDomain());
        ctx.tasks(ref.session()).run("RevertToSnapshot_Task", p -> p.revertToSnapshotTask(node.getSnapshot(), null, null),
                watch(ref), progress, "Could not revert to snapshot '" + s.name() + "'");
    }

    /** Flags CHILDREN and METADATA_ONLY (the latter: nothing to do, ESX has no libvirt metadata). */
    void delete(EsxSnapshot s, Set<SnapshotFlag> flags, ProgressListener progress) {
        checkFlags("deleteSnapshot", flags, SnapshotFlag.CHILDREN, SnapshotFlag.METADATA_ONLY);
        VirtualMachineSnapshotTree node = SnapshotTree.requireByName(roots(read(s.esxDomain(), ROOTS)), s.name()).node();
        if (flags.contains(SnapshotFlag.METADATA_ONLY)) {
            return;
        }
        boolean children = flags.contains(SnapshotFlag.CHILDREN);
        WriteContext.VmRef ref = ctx.primaryVm(s.esxDomain());
        ctx.tasks(ref.session()).run("RemoveSnapshot_Task", p -> p.removeSnapshotTask(node.getSnapshot(), children, null),
                watch(ref), progress, "Could not delete snapshot '" + s.name() + "'");
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Tasks.Watch watch(WriteContext.VmRef ref) {
        return Tasks.Watch.vm(ref.vm(), ctx.autoAnswer());
    }

    private List<DomainSnapshot> handles(EsxDomain d, List<String> names) {
        return names.stream().map(n -> (DomainSnapshot) new EsxSnapshot(this, d, n)).toList();
    }

    static void checkFlags(String call, Set<SnapshotFlag> flags, SnapshotFlag... allowed) {
        Set<SnapshotFlag> rest = flags.isEmpty() ? EnumSet.noneOf(SnapshotFlag.class) : EnumSet.copyOf(flags);
        rest.removeAll(List.of(allowed));
        if (!rest.isEmpty()) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "unsupported flags ("
                    + rest.stream().map(Enum::name).collect(Collectors.joining(", ")) + ") in function " + call);
        }
    }
}
