package io.jvirt.esx.soap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An answer's body read on a second thread while the caller parses it. Reading an HTTPS body is
 * work of its own: TLS decryption and HTTP de-chunking, about a fifth of the CPU time of a
 * 1,000-VM listing in a fresh JVM, where the JIT has not yet compiled the JDK's AES-GCM code
 * (benchmarks/STARTUP.md, fifth round). On a second thread that work runs beside the XML parsing
 * instead of before each piece of it.
 *
 * <p>A small answer, up to {@link #FIRST} bytes, is read at once and no thread is started. A
 * larger one is handed over in the pieces the socket gives (a TLS record, at most
 * {@link #PIECE} bytes each), at most {@link #QUEUED} pieces ahead of the parser, so that the
 * memory held is bounded whatever the answer's size. The reading thread ends with the body; an
 * error it meets (a time-out, a TLS alert, a closed connection, an OutOfMemoryError) is thrown,
 * as it was, by the read of the parser that reaches it. Closing the stream early stops the
 * reading thread at its next piece, which then closes the body (the HTTP client decides whether
 * the connection is kept). Either way the body belongs to this stream from {@link #of} on.
 */
final class ReadAhead extends InputStream {
    /** The part read before deciding: an answer this small is parsed from memory. */
    static final int FIRST = 64 * 1024;
    static final int PIECE = 32 * 1024;
    static final int QUEUED = 16;
    private static final Object END = new Object();

    private final BlockingQueue<Object> pieces = new ArrayBlockingQueue<>(QUEUED);
    private volatile boolean closed;
    /** Set by the reader when it stops: after its last piece, or on a failure. */
    private volatile boolean done;
    private volatile Throwable failure;
    private byte[] piece;
    private int at;
    private boolean ended;

    private ReadAhead(byte[] first, InputStream body) {
        this.piece = first;
        Thread reader = new Thread(() -> readAll(body), "jvirt-esx-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * {@code body} to parse: in memory when it is at most {@link #FIRST} bytes (and {@code body}
     * is then closed), read ahead on a second thread otherwise.
     */
    static InputStream of(InputStream body) throws IOException {
        byte[] first = body.readNBytes(FIRST);
        if (first.length < FIRST) {
            body.close();
            return new ByteArrayInputStream(first);
        }
        return new ReadAhead(first, body);
    }

    private void readAll(InputStream body) {
        try (body) {
            while (!closed) {
                byte[] buffer = new byte[PIECE];
                int n = body.read(buffer);
                if (n < 0) {
                    break;
                }
                if (n > 0 && !hand(n == PIECE ? buffer : Arrays.copyOf(buffer, n))) {
                    return;
                }
            }
            hand(END);
        } catch (Throwable e) {
            // whatever it is (an IOException, or an OutOfMemoryError under a small heap), the
            // parser must see it rather than wait for a piece that never comes
            failure = e;
        } finally {
            done = true;
        }
    }

    /** Queues {@code item} for the parser; false when the stream was closed meanwhile. */
    private boolean hand(Object item) {
        try {
            while (!closed) {
                if (pieces.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public int read() throws IOException {
        return fill() ? piece[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, piece.length - at);
        System.arraycopy(piece, at, b, off, n);
        at += n;
        return n;
    }

    /** True when there is a byte to read; false at the end of the answer. */
    private boolean fill() throws IOException {
        if (closed) {
            throw new IOException("the answer's stream is closed");
        }
        while (piece == null || at == piece.length) {
            if (ended) {
                return false;
            }
            next();
        }
        return true;
    }

    private void next() throws IOException {
        Object item;
        try {
            // the reader hands pieces until the end; when it fails it stops and leaves the failure.
            // `done` is read before polling: whatever the reader handed before it stopped is then queued
            while (true) {
                boolean stopped = done;
                item = pieces.poll(50, TimeUnit.MILLISECONDS);
                if (item != null) {
                    break;
                }
                if (stopped) {
                    ended = true;
                    piece = null;
                    throw failed();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InterruptedIOException("interrupted while reading the answer");
        }
        if (item == END) {
            ended = true;
            piece = null;
        } else {
            piece = (byte[]) item;
            at = 0;
        }
    }

    /** The reader's failure as the parser's: as it was when it is an I/O error or an Error. */
    private IOException failed() {
        Throwable f = failure;
        if (f == null) {
            return new IOException("the answer's reader stopped before its end");
        }
        if (f instanceof IOException e) {
            return e;
        }
        if (f instanceof Error e) {
            throw e;
        }
        return new IOException("reading the answer failed: " + f, f);
    }

    @Override
    public int available() {
        return piece == null ? 0 : piece.length - at;
    }

    @Override
    public void close() {
        closed = true;
        pieces.clear();
    }
}
