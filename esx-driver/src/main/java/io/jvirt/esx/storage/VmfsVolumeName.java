package io.jvirt.esx.storage;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vmx.util.DatastoreItemEscaper;

import java.util.Locale;

/**
 * Checks a {@code <volume>} for creation on a datastore (esx-spec 2.11.1 VolCreateXML) and gives
 * the escaped names the files get: the directory (everything before the last {@code /}, one
 * escaped item, so {@code a/b/disk.vmdk} lands in directory {@code a+JQ-2fb}) and the file name.
 *
 * @param directory the escaped directory
 * @param file      the escaped file name
 * @param diskType  {@code preallocated} or {@code thin}
 * @param capacityKb the capacity rounded up to KiB
 */
record VmfsVolumeName(String directory, String file, String diskType, long capacityKb) {

    static VmfsVolumeName check(VolumeDef def) {
        if (!def.type().equals("file")) {
            throw new HypervisorException(ErrorCode.NO_SUPPORT, ErrorDomain.ESX, "Creating non-file volumes is not supported");
        }
        String name = def.name();
        int slash = name.lastIndexOf('/');
        if (slash <= 0 || name.startsWith("/") || name.endsWith("/")) {
            throw HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Volume name '%s' doesn't have expected format '<directory>/<file>'", name);
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith(".vmdk")) {
            throw HypervisorException.of(ErrorCode.NO_SUPPORT, ErrorDomain.ESX,
                    "Volume name '%s' has unsupported suffix, expecting '.vmdk'", name);
        }
        // The default format of dir, fs and netfs pools is raw: <format type='vmdk'/> is required.
        String format = def.format() == null ? "raw" : def.format();
        if (!format.equals("vmdk")) {
            throw HypervisorException.of(ErrorCode.NO_SUPPORT, ErrorDomain.ESX, "Creation of %s volumes is not supported", format);
        }
        String diskType;
        if (def.allocation() == def.capacity()) {
            diskType = "preallocated";
        } else if (def.allocation() == 0) {
            diskType = "thin";
        } else {
            throw HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Unsupported capacity-to-allocation relation (capacity %d, allocation %d bytes): allocation must"
                            + " equal the capacity (preallocated) or be 0 (thin)", def.capacity(), def.allocation());
        }
        long capacityKb = def.capacity() / 1024 + (def.capacity() % 1024 == 0 ? 0 : 1);
        return new VmfsVolumeName(DatastoreItemEscaper.escape(name.substring(0, slash)),
                DatastoreItemEscaper.escape(name.substring(slash + 1)), diskType, capacityKb);
    }

    /** {@code <directory>/<file>}, the volume name as listings show it. */
    String directoryAndFileName() {
        return directory + "/" + file;
    }
}
