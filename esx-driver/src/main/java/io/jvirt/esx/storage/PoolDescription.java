package io.jvirt.esx.storage;

import java.util.UUID;

/**
 * What a pool's XML says, in libvirt's terms.
 *
 * @param type       {@code dir}, {@code netfs}, {@code fs} or {@code iscsi}
 * @param name       the pool name
 * @param uuid       the pool UUID
 * @param capacity   bytes
 * @param allocation bytes
 * @param available  bytes
 * @param source     the {@code <source>} contents
 * @param targetPath the {@code <target><path>}, or null for none (iSCSI)
 */
record PoolDescription(String type, String name, UUID uuid, long capacity, long allocation, long available,
                       Source source, String targetPath) {

    /**
     * {@code <source>}: each part null when absent.
     *
     * @param hostName  {@code <host name>}
     * @param hostPort  {@code <host port>}
     * @param device    {@code <device path>}
     * @param dir       {@code <dir path>}
     * @param initiator {@code <initiator><iqn name>}
     * @param format    {@code <format type>}
     */
    record Source(String hostName, Integer hostPort, String device, String dir, String initiator, String format) {
        static final Source EMPTY = new Source(null, null, null, null, null, null);
    }
}
