package io.jvirt.esx.vi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * UUIDs of objects that vSphere gives no UUID (datastores, iSCSI targets and LUNs, virtual
 * switches): the 16 raw bytes of the MD5 digest of an identifying string (UTF-8), used as UUID
 * bytes unchanged (no version bits set), as libvirt's ESX driver does.
 */
public final class Md5Uuids {
    private Md5Uuids() {
    }

    public static UUID of(String text) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            ByteBuffer b = ByteBuffer.wrap(d);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
