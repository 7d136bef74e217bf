package io.jvirt.esx.storage;

import io.jvirt.esx.domain.DatastoreMount;
import io.jvirt.esx.vi.Md5Uuids;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.DatastoreInfo;
import io.jvirt.vim25.LocalDatastoreInfo;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.NasDatastoreInfo;
import io.jvirt.vim25.PMemDatastoreInfo;
import io.jvirt.vim25.VmfsDatastoreInfo;
import io.jvirt.vim25.VsanDatastoreInfo;
import io.jvirt.vim25.VvolDatastoreInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One datastore as a pool sees it, from one property-collector read.
 *
 * @param mor        the Datastore
 * @param name       {@code summary.name}
 * @param mountPath  the host's mount path (see {@link DatastoreMount}), "" when unknown
 * @param accessible {@code summary.accessible}
 * @param capacity   {@code summary.capacity} bytes
 * @param freeSpace  {@code summary.freeSpace} bytes
 * @param info       {@code info} (its subtype gives the pool type), or null when absent or not understood
 * @param browser    the HostDatastoreBrowser, or null
 * @param kind       {@code summary.type} (VMFS, NFS, NFS41, vsan, VVOL, PMEM, ...), "" when unknown
 */
record DatastoreFacts(ManagedObjectReference mor, String name, String mountPath, boolean accessible, long capacity,
                      long freeSpace, DatastoreInfo info, ManagedObjectReference browser, String kind) {
    private static final System.Logger LOG = System.getLogger(DatastoreFacts.class.getName());

    /** The properties read for every datastore (one request for all of a host's datastores). */
    static final List<String> PROPERTIES;

    static {
        List<String> p = new ArrayList<>(DatastoreMount.PROPERTIES);
        p.addAll(List.of("summary.accessible", "summary.capacity", "summary.freeSpace", "summary.type", "info", "browser"));
        PROPERTIES = List.copyOf(p);
    }

    /**
     * The facts of one datastore. A property this client cannot interpret (a value of a type
     * it does not know, from a newer vSphere) is logged and left out; it never fails the read,
     * so one odd datastore cannot take down a listing of the others.
     */
    static DatastoreFacts of(ObjectProps ds, ManagedObjectReference host) {
        DatastoreMount mount;
        try {
            mount = DatastoreMount.of(ds, host);
        } catch (HypervisorException e) {
            warn(ds, "its mount could not be read (" + e.getMessage() + ")");
            mount = new DatastoreMount(lenient(ds, "summary.name", String.class).orElse(ds.value()), "");
        }
        return new DatastoreFacts(ds.mor(), mount.name(), mount.mountPath(),
                lenient(ds, "summary.accessible", Boolean.class).orElse(false),
                lenient(ds, "summary.capacity", Number.class).map(Number::longValue).orElse(0L),
                lenient(ds, "summary.freeSpace", Number.class).map(Number::longValue).orElse(0L),
                lenient(ds, "info", DatastoreInfo.class).orElse(null),
                lenient(ds, "browser", ManagedObjectReference.class).orElse(null),
                lenient(ds, "summary.type", String.class).orElse(""));
    }

    /** A property of the expected type; a value of another type is logged and treated as absent. */
    private static <T> Optional<T> lenient(ObjectProps ds, String path, Class<T> type) {
        Object v = ds.get(path).orElse(null);
        if (v == null) {
            return Optional.empty();
        }
        if (!type.isInstance(v)) {
            warn(ds, "its property '" + path + "' is a '" + v.getClass().getSimpleName() + "', not a '"
                    + type.getSimpleName() + "'; it is ignored");
            return Optional.empty();
        }
        return Optional.of(type.cast(v));
    }

    private static void warn(ObjectProps ds, String what) {
        LOG.log(System.Logger.Level.WARNING, "Datastore " + ds.value() + ": " + what);
    }

    /** The pool UUID: MD5 of the host mount path (esx-spec 2.11.1). */
    UUID uuid() {
        return Md5Uuids.of(mountPath);
    }

    /**
     * {@code fs} (VMFS), {@code netfs} (NAS) or {@code dir}: libvirt's rules for local, NAS and
     * VMFS datastores; every other datastore (vSAN, vVol, PMem, a kind newer than this client,
     * or one whose {@code info} could not be read) is a directory tree the host mounts under
     * {@code /vmfs/volumes}, so a {@code dir} pool whose target is that mount (see README-esx).
     */
    String poolType() {
        if (info instanceof NasDatastoreInfo) {
            return "netfs";
        }
        if (info instanceof VmfsDatastoreInfo) {
            return "fs";
        }
        if (info instanceof LocalDatastoreInfo || info instanceof VsanDatastoreInfo
                || info instanceof VvolDatastoreInfo || info instanceof PMemDatastoreInfo) {
            return "dir";
        }
        LOG.log(System.Logger.Level.WARNING, () -> "Datastore '" + name + "' (" + mor.getValue() + ", type '" + kind
                + "') has " + (info == null ? "no readable info" : "info of unknown type '" + info.getClass().getSimpleName() + "'")
                + "; shown as a 'dir' pool");
        return "dir";
    }

    /** The pool XML model (esx-spec 2.11.1 GetXMLDesc). */
    PoolDescription describe() {
        String type = poolType();
        PoolDescription.Source source = PoolDescription.Source.EMPTY;
        if (info instanceof NasDatastoreInfo nas && nas.getNas() != null) {
            String nasType = nas.getNas().getType() == null ? "" : nas.getNas().getType();
            String format = switch (nasType.toUpperCase(Locale.ROOT)) {
                // NFS41 (NFS 4.1, vSphere 6.0+): libvirt knows only "NFS" and fails; both are nfs
                case "NFS", "NFS41" -> "nfs";
                case "CIFS" -> "cifs";
                default -> throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                        "Datastore has unexpected type '" + nasType + "'");
            };
            source = new PoolDescription.Source(nas.getNas().getRemoteHost(), null, null, nas.getNas().getRemotePath(), null, format);
        } else if (type.equals("fs")) {
            source = new PoolDescription.Source(null, null, null, null, null, "vmfs");
        }
        long cap = accessible ? capacity : 0;
        long avail = accessible ? freeSpace : 0;
        return new PoolDescription(type, name, uuid(), cap, cap - avail, avail, source, mountPath);
    }
}
