package io.jvirt.esx.storage;

import io.jvirt.esx.domain.DatastoreMount;
import io.jvirt.esx.vi.Md5Uuids;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.spi.ErrorCode;
import io.jvirt.spi.ErrorDomain;
import io.jvirt.spi.HypervisorException;
import io.jvirt.vim25.DatastoreInfo;
import io.jvirt.vim25.LocalDatastoreInfo;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.NasDatastoreInfo;
import io.jvirt.vim25.VmfsDatastoreInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * @param info       {@code info} (its subtype gives the pool type), or null
 * @param browser    the HostDatastoreBrowser, or null
 */
record DatastoreFacts(ManagedObjectReference mor, String name, String mountPath, boolean accessible, long capacity,
                      long freeSpace, DatastoreInfo info, ManagedObjectReference browser) {

    /** The properties read for every datastore (one request for all of a host's datastores). */
    static final List<String> PROPERTIES;

    static {
        List<String> p = new ArrayList<>(DatastoreMount.PROPERTIES);
        p.addAll(List.of("summary.accessible", "summary.capacity", "summary.freeSpace", "info", "browser"));
        PROPERTIES = List.copyOf(p);
    }

    static DatastoreFacts of(ObjectProps ds, ManagedObjectReference host) {
        DatastoreMount mount = DatastoreMount.of(ds, host);
        return new DatastoreFacts(ds.mor(), mount.name(), mount.mountPath(),
                ds.get("summary.accessible", Boolean.class).orElse(false),
                ds.get("summary.capacity", Number.class).map(Number::longValue).orElse(0L),
                ds.get("summary.freeSpace", Number.class).map(Number::longValue).orElse(0L),
                ds.get("info", DatastoreInfo.class).orElse(null),
                ds.get("browser", ManagedObjectReference.class).orElse(null));
    }

    /** The pool UUID: MD5 of the host mount path (esx-spec 2.11.1). */
    UUID uuid() {
        return Md5Uuids.of(mountPath);
    }

    /** {@code dir} (local), {@code netfs} (NAS) or {@code fs} (VMFS). */
    String poolType() {
        if (info instanceof LocalDatastoreInfo) {
            return "dir";
        }
        if (info instanceof NasDatastoreInfo) {
            return "netfs";
        }
        if (info instanceof VmfsDatastoreInfo) {
            return "fs";
        }
        throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                "DatastoreInfo of datastore '" + name + "' has unexpected type '"
                        + (info == null ? "none" : info.getClass().getSimpleName()) + "'");
    }

    /** The pool XML model (esx-spec 2.11.1 GetXMLDesc). */
    PoolDescription describe() {
        String type = poolType();
        PoolDescription.Source source = PoolDescription.Source.EMPTY;
        if (info instanceof NasDatastoreInfo nas && nas.getNas() != null) {
            String nasType = nas.getNas().getType() == null ? "" : nas.getNas().getType();
            String format = switch (nasType.toUpperCase(Locale.ROOT)) {
                case "NFS" -> "nfs";
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
