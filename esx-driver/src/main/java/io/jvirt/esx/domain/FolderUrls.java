package io.jvirt.esx.domain;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** URLs of the {@code /folder} datastore file service (esx-spec 2.3 step 3). */
public final class FolderUrls {
    private FolderUrls() {
    }

    /** {@code <base>/folder/<E(path)>?dcPath=<E(dc)>&dsName=<E(ds)>}. */
    public static URL file(URL sdkUrl, String directoryAndFileName, String datacenterPath, String datastoreName) {
        String spec = sdkUrl.getProtocol() + "://" + sdkUrl.getAuthority() + "/folder/" + encode(directoryAndFileName)
                + "?dcPath=" + encode(datacenterPath) + "&dsName=" + encode(datastoreName);
        try {
            return new URL(spec);
        } catch (MalformedURLException e) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "Bad file URL '" + spec + "'", e);
        }
    }

    /** RFC 3986 percent-encoding leaving only {@code A-Z a-z 0-9 - . _ ~}; hex upper-case. */
    public static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
