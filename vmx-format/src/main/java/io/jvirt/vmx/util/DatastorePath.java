package io.jvirt.vmx.util;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

/**
 * A datastore path {@code [datastore] directory/file}, split as the ESX driver does.
 *
 * @param datastoreName        text between {@code [} and the first {@code ]}
 * @param directoryName        {@code directoryAndFileName} cut at its last {@code /} (the whole
 *                             text when it has no {@code /})
 * @param directoryAndFileName the text after {@code ]}, leading spaces removed
 */
public record DatastorePath(String datastoreName, String directoryName, String directoryAndFileName) {

    /**
     * Parses; an input not starting with {@code [}, or with {@code []}, is an
     * {@link ErrorCode#INVALID_ARG}. A missing {@code ]} is accepted ({@code [ds} is datastore
     * {@code ds} with an empty path), as the ESX driver does.
     */
    public static DatastorePath parse(String path) {
        if (path == null || path.length() < 2 || path.charAt(0) != '[' || path.charAt(1) == ']') {
            throw HypervisorException.of(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                    "Datastore path '%s' doesn't have expected format '[<datastore>] <path>'", path);
        }
        int close = path.indexOf(']');
        String ds;
        String rest;
        if (close < 0) {
            ds = path.substring(1);
            rest = "";
        } else {
            ds = path.substring(1, close);
            rest = path.substring(close + 1);
        }
        int i = 0;
        while (i < rest.length() && rest.charAt(i) == ' ') {
            i++;
        }
        rest = rest.substring(i);
        int slash = rest.lastIndexOf('/');
        String dir = slash < 0 ? rest : rest.substring(0, slash);
        return new DatastorePath(ds, dir, rest);
    }

    /** {@code [datastore] directoryAndFileName} (no space when the path is empty). */
    public String format() {
        return directoryAndFileName.isEmpty() ? "[" + datastoreName + "]"
                : "[" + datastoreName + "] " + directoryAndFileName;
    }
}
