package io.jvirt.cli;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocketFactory;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The lazy default makes the real factory on first use, once, and hands every call to it. */
class LazyDefaultSocketFactoryTest {

    /** A factory that answers with fixed values and counts nothing but what it is asked. */
    private static final class Fixed extends SSLSocketFactory {
        final Socket socket = new Socket();

        @Override
        public String[] getDefaultCipherSuites() {
            return new String[] {"TLS_AES_128_GCM_SHA256"};
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return new String[] {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"};
        }

        @Override
        public Socket createSocket() {
            return socket;
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) {
            return socket;
        }

        @Override
        public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) {
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) {
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            return socket;
        }
    }

    @Test
    void theRealFactoryIsMadeOnFirstUseOnlyAndGetsEveryCall() throws Exception {
        Fixed real = new Fixed();
        AtomicInteger made = new AtomicInteger();
        LazyDefaultSocketFactory lazy = new LazyDefaultSocketFactory(() -> {
            made.incrementAndGet();
            return real;
        });
        assertEquals(0, made.get(), "nothing is made before it is used");
        assertArrayEquals(real.getDefaultCipherSuites(), lazy.getDefaultCipherSuites());
        assertArrayEquals(real.getSupportedCipherSuites(), lazy.getSupportedCipherSuites());
        InetAddress loopback = InetAddress.getLoopbackAddress();
        assertSame(real.socket, lazy.createSocket());
        assertSame(real.socket, lazy.createSocket(new Socket(), "h", 443, true));
        assertSame(real.socket, lazy.createSocket(new Socket(), InputStream.nullInputStream(), true));
        assertSame(real.socket, lazy.createSocket("h", 443));
        assertSame(real.socket, lazy.createSocket("h", 443, loopback, 0));
        assertSame(real.socket, lazy.createSocket(loopback, 443));
        assertSame(real.socket, lazy.createSocket(loopback, 443, loopback, 0));
        assertEquals(1, made.get(), "made once");
    }

    @Test
    void threadsUsingItFirstTogetherMakeItOnce() throws Exception {
        AtomicInteger made = new AtomicInteger();
        LazyDefaultSocketFactory lazy = new LazyDefaultSocketFactory(() -> {
            made.incrementAndGet();
            return new Fixed();
        });
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                lazy.getDefaultCipherSuites();
            });
            threads[i].start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, made.get());
    }
}
