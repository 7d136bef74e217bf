package io.jvirt.benchmarks;

import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.auth.Authenticator;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The jvirt side of bench/run.sh: measurements in one JVM against a vcsim started by the script
 * (its {@code /jvirt/requests} counter gives the requests every client makes). Prints
 * {@code key<TAB>value} lines on standard output.
 *
 * <pre>
 * warm URI N        first open in a fresh JVM; warm connect; list (time, requests, retained heap);
 *                   dominfo and dumpxml p50/p99 (lookup by name + info / + XML)
 * threads URI SECS T1 T2 ...
 *                   domstate (one request each) per second on ONE connection with T threads
 * </pre>
 * URI is the server's base, {@code https://127.0.0.1:PORT}; the user is {@code user}.
 */
public final class ClientBench {
    private static final PrintStream OUT = System.out;

    private ClientBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ClientBench warm https://127.0.0.1:PORT N | threads https://127.0.0.1:PORT SECONDS T...");
            System.exit(2);
        }
        String base = args[1];
        switch (args[0]) {
            case "warm" -> warm(base, Integer.parseInt(args[2]));
            case "threads" -> threads(base, Integer.parseInt(args[2]),
                    Arrays.stream(args, 3, args.length).mapToInt(Integer::parseInt).toArray());
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    static Connection open(String base) {
        URI u = URI.create(base);
        return ConnectionFactory.open("esx://user@" + u.getHost() + ":" + u.getPort() + "/?no_verify=1",
                Authenticator.fixed("user", "pass".toCharArray()));
    }

    private static void warm(String base, int n) throws Exception {
        Counter requests = new Counter(base);
        long t = System.nanoTime();
        Connection first = open(base);
        put("first_open_ms", ms(System.nanoTime() - t));
        first.close();

        // warm connect: a few opens, the median
        double[] connect = new double[5];
        long connectRequests = 0;
        for (int i = 0; i < connect.length; i++) {
            long before = requests.get();
            t = System.nanoTime();
            Connection c = open(base);
            connect[i] = ms(System.nanoTime() - t);
            connectRequests = requests.get() - before;
            c.close();
        }
        put("connect_ms", median(connect));
        put("connect_requests", connectRequests);

        try (Connection c = open(base)) {
            int reps = n >= 10_000 ? 4 : n >= 1000 ? 6 : 12;
            double[] list = new double[reps];
            long listRequests = 0;
            int size = 0;
            for (int i = 0; i < reps; i++) {
                long before = requests.get();
                t = System.nanoTime();
                size = c.listAllDomains().size();
                list[i] = ms(System.nanoTime() - t);
                listRequests = requests.get() - before;
            }
            // the first repetitions warm up the JIT: the median of the second half
            put("list_ms", median(Arrays.copyOfRange(list, reps / 2, reps)));
            put("list_requests", listRequests);
            put("list_size", size);
            long baseline = usedAfterGc();
            List<Domain> held = c.listAllDomains();
            long retained = usedAfterGc() - baseline;
            put("list_retained_bytes", Math.max(0, retained));
            put("list_retained_size", held.size());
            held = null;

            List<String> names = new ArrayList<>();
            for (Domain d : c.listAllDomains()) {
                names.add(d.name());
            }
            int ops = 200;
            double[] info = new double[ops];
            double[] xml = new double[ops / 2];
            long before = requests.get();
            for (int i = 0; i < ops; i++) {
                String name = names.get((i * 7919) % names.size());
                t = System.nanoTime();
                c.lookupDomainByName(name).info();
                info[i] = ms(System.nanoTime() - t);
            }
            put("dominfo_requests", (requests.get() - before) / (double) ops);
            before = requests.get();
            for (int i = 0; i < xml.length; i++) {
                String name = names.get((i * 7919) % names.size());
                t = System.nanoTime();
                c.lookupDomainByName(name).xmlDesc();
                xml[i] = ms(System.nanoTime() - t);
            }
            put("dumpxml_requests", (requests.get() - before) / (double) xml.length);
            // the first quarter warms up
            double[] infoWarm = Arrays.copyOfRange(info, ops / 4, ops);
            double[] xmlWarm = Arrays.copyOfRange(xml, xml.length / 4, xml.length);
            put("dominfo_p50_ms", percentile(infoWarm, 50));
            put("dominfo_p99_ms", percentile(infoWarm, 99));
            put("dumpxml_p50_ms", percentile(xmlWarm, 50));
            put("dumpxml_p99_ms", percentile(xmlWarm, 99));
        }
    }

    private static void threads(String base, int seconds, int[] threadCounts) throws Exception {
        try (Connection c = open(base)) {
            List<Domain> domains = c.listAllDomains();
            // warm-up: every code path once, then a second of single-thread calls
            run(domains, 1, 1);
            for (int threads : threadCounts) {
                double perSecond = run(domains, threads, seconds);
                put("domstate_per_s_t" + threads, perSecond);
            }
        }
    }

    /** domstate calls per second with {@code threads} threads on one connection. */
    private static double run(List<Domain> domains, int threads, int seconds) throws InterruptedException {
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean failed = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int offset = i;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    int k = offset;
                    while (!stop.get()) {
                        domains.get(k++ % domains.size()).currentState();
                        done.increment();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    System.err.println("domstate failed: " + e.getMessage());
                    failed.set(true);
                }
            });
            workers.add(w);
            w.start();
        }
        long t = System.nanoTime();
        start.countDown();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        if (failed.get()) {
            throw new IllegalStateException("a domstate call failed");
        }
        return done.sum() / ((System.nanoTime() - t) / 1e9);
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    static double median(double[] v) {
        return percentile(v, 50);
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    private static void put(String key, double value) {
        OUT.println(key + "\t" + String.format(Locale.ROOT, "%.3f", value));
        OUT.flush();
    }

    private static void put(String key, long value) {
        OUT.println(key + "\t" + value);
        OUT.flush();
    }

    /** vcsim-jvirt's request counter ({@code GET /jvirt/requests}); the server's self-signed certificate is accepted for this loopback request only. */
    static final class Counter {
        private final URL url;
        private final SSLContext tls;

        Counter(String base) throws GeneralSecurityException, IOException {
            this.url = URI.create(base + "/jvirt/requests").toURL();
            this.tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[]{new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
        }

        long get() throws IOException {
            var c = url.openConnection();
            if (c instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(tls.getSocketFactory());
                https.setHostnameVerifier((h, s) -> "127.0.0.1".equals(h));
            }
            try (InputStream in = c.getInputStream()) {
                return Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
            }
        }
    }
}
