package io.jvirt.esx.soap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ReadAhead gives the body's bytes as they are, its errors as they were, and bounded memory. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a regression hangs: fail instead
class ReadAheadTest {

    /** A body that gives its bytes in reads of varying size, counts them, and may fail or stall. */
    private static final class Body extends InputStream {
        final byte[] bytes;
        final int failAt;
        final Throwable failure;
        final AtomicLong given = new AtomicLong();
        final AtomicBoolean closed = new AtomicBoolean();
        private final Random sizes = new Random(7);
        private int at;

        Body(byte[] bytes, int failAt, Throwable failure) {
            this.bytes = bytes;
            this.failAt = failAt;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (at >= failAt) {
                if (failure instanceof IOException e) {
                    throw e;
                }
                throw (Error) failure;
            }
            if (at == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + sizes.nextInt(20_000)), Math.min(bytes.length, failAt) - at);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            given.addAndGet(n);
            return n;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    @Test
    void aSmallAnswerIsReadAtOnceWithoutAThread() throws Exception {
        byte[] bytes = random(ReadAhead.FIRST - 1);
        Body body = new Body(bytes, Integer.MAX_VALUE, null);
        InputStream in = ReadAhead.of(body);
        assertInstanceOf(ByteArrayInputStream.class, in);
        assertTrue(body.closed.get());
        assertArrayEquals(bytes, in.readAllBytes());
    }

    @Test
    void aLargeAnswerArrivesWholeAndTheReaderEnds() throws Exception {
        byte[] bytes = random(1_000_003);
        Body body = new Body(bytes, Integer.MAX_VALUE, null);
        InputStream in = ReadAhead.of(body);
        assertInstanceOf(ReadAhead.class, in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8191];
        Random r = new Random(3);
        for (int n; (n = in.read(buffer, 0, 1 + r.nextInt(buffer.length))) >= 0; ) {
            out.write(buffer, 0, n);
            int single = in.read();
            if (single < 0) {
                break;
            }
            out.write(single);
        }
        assertArrayEquals(bytes, out.toByteArray());
        assertEquals(-1, in.read());
        in.close();
        assertTrue(readersEnded(), "the reading thread ends with the body");
        assertTrue(body.closed.get());
    }

    @Test
    void anErrorOfTheBodyIsThrownWhereTheParserReachesIt() throws Exception {
        byte[] bytes = random(500_000);
        SocketTimeoutException timeout = new SocketTimeoutException("Read timed out");
        Body body = new Body(bytes, 200_000, timeout);
        InputStream in = ReadAhead.of(body);
        byte[] got = new byte[200_000];
        assertEquals(200_000, in.readNBytes(got, 0, got.length));
        assertArrayEquals(Arrays.copyOf(bytes, 200_000), got);
        assertSame(timeout, assertThrows(SocketTimeoutException.class, in::read));
        in.close();
        assertTrue(readersEnded());
        assertTrue(body.closed.get());
    }

    @Test
    void anErrorOfTheReaderReachesTheParserInsteadOfAHang() throws Exception {
        // bench/run.sh's smallest-heap search once hung here: an OutOfMemoryError ended the
        // reading thread and the parser waited for a piece forever
        byte[] bytes = random(500_000);
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        InputStream in = ReadAhead.of(new Body(bytes, 300_000, oom));
        assertEquals(300_000, in.readNBytes(new byte[300_000], 0, 300_000));
        assertSame(oom, assertThrows(OutOfMemoryError.class, in::read));
        in.close();
        assertTrue(readersEnded());
    }

    @Test
    void theReaderStaysABoundedWayAheadAndStopsWhenClosedEarly() throws Exception {
        byte[] bytes = random(20_000_000);
        Body body = new Body(bytes, Integer.MAX_VALUE, null);
        InputStream in = ReadAhead.of(body);
        assertEquals(bytes[0], (byte) in.read());
        Thread.sleep(500); // the parser stalls: the reader fills what it may and waits
        long ahead = body.given.get();
        assertTrue(ahead <= ReadAhead.FIRST + (ReadAhead.QUEUED + 1L) * ReadAhead.PIECE,
                "read " + ahead + " bytes ahead of the parser");
        in.close();
        assertTrue(readersEnded(), "closing stops the reader");
        assertTrue(body.closed.get());
        assertTrue(body.given.get() < bytes.length);
        assertThrows(IOException.class, in::read, "reading a closed answer");
    }

    /** Waits up to 5 s for every read-ahead thread to end. */
    private static boolean readersEnded() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            boolean alive = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("jvirt-esx-read-ahead"));
            if (!alive) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
