package io.jvirt.esx.storage;

import io.jvirt.esx.vi.VimFaults;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * Streams a datastore file through the HTTP {@code /folder} file service with the session
 * cookie (beyond libvirt, whose ESX driver has no volume upload/download): GET with a
 * {@code Range} header for a part, PUT for a whole file. Progress goes to a
 * {@link ProgressListener} as percent of the bytes expected (-1 when the size is unknown).
 */
final class FolderTransfer {
    static final String DOWNLOAD = "vol-download";
    static final String UPLOAD = "vol-upload";
    private static final int BUFFER = 64 * 1024;

    private FolderTransfer() {
    }

    static void checkRange(long offset, long length) {
        if (offset < 0) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "Negative offset " + offset);
        }
        if (length < -1) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "Invalid length " + length + " (-1 means: up to the end)");
        }
    }

    /** The {@code Range} header value for offset/length, or null for the whole file. */
    static String rangeHeader(long offset, long length) {
        if (offset == 0 && length < 0) {
            return null;
        }
        return length < 0 ? "bytes=" + offset + "-" : "bytes=" + offset + "-" + (offset + length - 1);
    }

    static void download(VimSession session, URL url, String what, OutputStream sink, long offset, long length,
                         ProgressListener progress) {
        checkRange(offset, length);
        if (length == 0) {
            return;
        }
        try {
            HttpURLConnection c = openGet(session, url, offset, length);
            int status = c.getResponseCode();
            if (status == 401 || status == 403) {
                c.disconnect();
                session.ensureLoggedIn();
                c = openGet(session, url, offset, length);
                status = c.getResponseCode();
            }
            try {
                if (status == 404) {
                    throw new HypervisorException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.ESX,
                            "Cannot download volume '" + what + "': the file does not exist");
                }
                if (status == 416) {
                    throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                            "Cannot download volume '" + what + "': offset " + offset + " is beyond its end");
                }
                if (status != 200 && status != 206) {
                    throw new HypervisorException(ErrorCode.HTTP_ERROR, ErrorDomain.ESX,
                            "HTTP response code " + status + " for download of volume '" + what + "'");
                }
                long contentLength = c.getContentLengthLong();
                try (InputStream in = c.getInputStream()) {
                    long skip = status == 200 ? offset : 0;
                    skipFully(in, skip, what);
                    long expected = length >= 0 ? length : (contentLength >= 0 ? contentLength - skip : -1);
                    copy(in, sink, length, expected, DOWNLOAD, progress);
                }
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            throw VimFaults.map(session.host(), "GET " + url.getPath(), e);
        }
    }

    private static HttpURLConnection openGet(VimSession session, URL url, long offset, long length) throws IOException {
        HttpURLConnection c = session.openFileConnection(url, "GET");
        String range = rangeHeader(offset, length);
        if (range != null) {
            c.setRequestProperty("Range", range);
        }
        return c;
    }

    /**
     * PUTs the data as the whole file. The file service replaces files, so only offset 0 is
     * possible; a length of -1 sends the stream to its end (chunked).
     */
    static void upload(VimSession session, URL url, String what, InputStream data, long offset, long length,
                       ProgressListener progress) {
        checkRange(offset, length);
        if (offset != 0) {
            throw new HypervisorException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.ESX,
                    "Cannot upload to volume '" + what + "' at offset " + offset
                            + ": the ESX file service only replaces whole files");
        }
        // A streamed body cannot be sent twice: make sure the session is logged in first.
        session.ensureLoggedIn();
        HttpURLConnection c = null;
        try {
            c = session.openFileConnection(url, "PUT");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/octet-stream");
            if (length >= 0) {
                c.setFixedLengthStreamingMode(length);
            } else {
                c.setChunkedStreamingMode(BUFFER);
            }
            try (OutputStream out = c.getOutputStream()) {
                long sent = copy(data, out, length, length, UPLOAD, progress);
                if (length >= 0 && sent < length) {
                    throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                            "Upload data for volume '" + what + "' ended after " + sent + " of " + length + " bytes");
                }
            }
            int status = c.getResponseCode();
            if (status == 404) {
                throw new HypervisorException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.ESX,
                        "Cannot upload to volume '" + what + "': its directory does not exist");
            }
            if (status != 200 && status != 201 && status != 204) {
                throw new HypervisorException(ErrorCode.HTTP_ERROR, ErrorDomain.ESX,
                        "HTTP response code " + status + " for upload to volume '" + what + "'");
            }
        } catch (IOException e) {
            throw VimFaults.map(session.host(), "PUT " + url.getPath(), e);
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    /** Copies up to {@code limit} bytes (all when -1); returns the count. */
    private static long copy(InputStream in, OutputStream out, long limit, long expected, String operation,
                             ProgressListener progress) throws IOException {
        byte[] buf = new byte[BUFFER];
        long done = 0;
        int lastPercent = Integer.MIN_VALUE;
        progress.progress(operation, expected > 0 ? 0 : -1);
        while (limit < 0 || done < limit) {
            int want = limit < 0 ? buf.length : (int) Math.min(buf.length, limit - done);
            int n = in.read(buf, 0, want);
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
            done += n;
            if (expected > 0) {
                int percent = (int) Math.min(100, done * 100 / expected);
                if (percent != lastPercent) {
                    progress.progress(operation, percent);
                    lastPercent = percent;
                }
            }
        }
        if (expected <= 0 || lastPercent != 100) {
            progress.progress(operation, 100);
        }
        return done;
    }

    private static void skipFully(InputStream in, long n, String what) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                            "Cannot download volume '" + what + "': offset " + n + " is beyond its end");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
