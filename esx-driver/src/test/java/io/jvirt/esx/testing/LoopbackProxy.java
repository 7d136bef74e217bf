package io.jvirt.esx.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal proxy on 127.0.0.1 for tests: HTTP ({@code CONNECT host:port} tunnels and
 * absolute-form requests for plain HTTP) or SOCKS5 (no authentication, CONNECT by IPv4 address
 * or domain name). It records every destination it was asked for.
 */
public final class LoopbackProxy implements AutoCloseable {
    public enum Kind { HTTP, SOCKS5 }

    private final Kind kind;
    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<String> destinations = new CopyOnWriteArrayList<>();

    public LoopbackProxy(Kind kind) throws IOException {
        this.kind = kind;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code host:port} of every tunnel or request, in order. */
    public List<String> destinations() {
        return List.copyOf(destinations);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pool.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            if (kind == Kind.SOCKS5) {
                socks(client);
            } else {
                http(client);
            }
        } catch (IOException e) {
            // connection ends
        }
    }

    private void http(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        String head = readHead(in);
        String requestLine = head.substring(0, head.indexOf("\r\n"));
        String[] parts = requestLine.split(" ");
        if (parts[0].equals("CONNECT")) {
            String[] hp = parts[1].split(":");
            destinations.add(parts[1]);
            try (Socket upstream = new Socket(hp[0], Integer.parseInt(hp[1]))) {
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                pipe(client, upstream, new byte[0]);
            }
            return;
        }
        // absolute-form: METHOD http://host:port/path HTTP/1.1
        java.net.URI target = java.net.URI.create(parts[1]);
        destinations.add(target.getHost() + ":" + target.getPort());
        String rewritten = parts[0] + " " + target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                + " " + parts[2] + head.substring(head.indexOf("\r\n"));
        try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
            pipe(client, upstream, rewritten.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private void socks(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        int version = in.read();
        if (version != 5) {
            return;
        }
        int methods = in.read();
        in.readNBytes(methods);
        out.write(new byte[] {5, 0});
        byte[] req = in.readNBytes(4); // VER CMD RSV ATYP
        String host;
        if (req[3] == 1) {
            byte[] a = in.readNBytes(4);
            host = (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
        } else if (req[3] == 3) {
            host = new String(in.readNBytes(in.read()), StandardCharsets.US_ASCII);
        } else {
            out.write(new byte[] {5, 8, 0, 1, 0, 0, 0, 0, 0, 0});
            return;
        }
        byte[] p = in.readNBytes(2);
        int port = ((p[0] & 0xff) << 8) | (p[1] & 0xff);
        destinations.add(host + ":" + port);
        try (Socket upstream = new Socket(host, port)) {
            out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
            pipe(client, upstream, new byte[0]);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            buf.write(b);
            String s = buf.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        throw new IOException("connection closed before the request head ended");
    }

    /** Copies both ways until either side closes. */
    private void pipe(Socket client, Socket upstream, byte[] firstBytes) throws IOException {
        upstream.getOutputStream().write(firstBytes);
        Thread up = new Thread(() -> {
            try {
                client.getInputStream().transferTo(upstream.getOutputStream());
            } catch (IOException e) {
                // done
            } finally {
                try {
                    upstream.shutdownOutput();
                } catch (IOException e) {
                    // ignore
                }
            }
        }, "loopback-proxy-up");
        up.setDaemon(true);
        up.start();
        try {
            upstream.getInputStream().transferTo(client.getOutputStream());
        } catch (IOException e) {
            // done
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
