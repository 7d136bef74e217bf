package io.jvirt.esx.domain;

import io.jvirt.esx.vi.Mor;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.vim25.DatastoreHostMount;
import io.jvirt.vim25.ManagedObjectReference;

import java.util.List;

/**
 * A datastore and where a host mounts it.
 *
 * @param name      the datastore name ({@code summary.name})
 * @param mountPath the host's mount path (e.g. {@code /vmfs/volumes/4af0...}), or "" when unknown
 */
public record DatastoreMount(String name, String mountPath) {

    /** Datastore properties needed to build a mount. */
    public static final List<String> PROPERTIES = List.of("summary.name", "summary.url", "host");

    /** From a Datastore's properties, for {@code host} (null: any host's mount). */
    public static DatastoreMount of(ObjectProps ds, ManagedObjectReference host) {
        String name = ds.string("summary.name").orElse("");
        String path = "";
        for (DatastoreHostMount m : ds.list("host", DatastoreHostMount.class)) {
            if ((host == null || Mor.same(m.getKey(), host)) && m.getMountInfo() != null
                    && m.getMountInfo().getPath() != null && !m.getMountInfo().getPath().isEmpty()) {
                path = m.getMountInfo().getPath();
                break;
            }
        }
        if (path.isEmpty()) {
            // vcsim's VPX model leaves mountInfo.path empty; the URL carries the same path.
            String url = ds.string("summary.url").orElse("");
            if (url.startsWith("ds://")) {
                path = url.substring("ds://".length());
            } else if (url.startsWith("/")) {
                path = url;
            }
        }
        return new DatastoreMount(name, path);
    }
}
