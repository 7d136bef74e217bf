package io.jvirt.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8 (output never loses characters): the real {@code ./jvirsh} script under
 * {@code LC_ALL=C}, as in cron or CI, with a domain named {@code probe-utf8-位} defined from a
 * file whose name is not ASCII either. virsh writes the name's UTF-8 bytes whatever the locale;
 * so must jvirsh, on standard output and in {@code error:} lines on standard error. Runs after
 * the package phase (it needs {@code cli/target/jvirsh.jar}).
 */
class LauncherCharsetIT {
    private static final String NAME = "probe-utf8-\u4f4d";

    private record Run(int status, byte[] out, byte[] err) {
    }

    private static Run jvirsh(Map<String, String> locale, String... args) throws Exception {
        Path script = Path.of("..", "jvirsh").toAbsolutePath().normalize();
        return run(List.of(script.toString()), locale, args);
    }

    private static Run run(List<String> launcher, Map<String, String> locale, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(launcher);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.equals("LANG") || k.equals("LANGUAGE") || k.startsWith("LC_"));
        env.remove("LIBVIRT_DEFAULT_URI");
        env.remove("VIRSH_DEFAULT_CONNECT_URI");
        env.putAll(locale);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jvirsh did not finish");
        return new Run(p.exitValue(), out.get(), err.get());
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                return b.toByteArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Path domainFile(Path dir) throws IOException {
        // the file name is not ASCII either: Java under a C locale could not even open it
        Path xml = dir.resolve("dom-\u4f4d.xml");
        Files.writeString(xml, "<domain type='test'><name>" + NAME + "</name><uuid>6f1c3c8e-2b7d-4e35-9d0a-5d1f0e7a9b21</uuid>"
                + "<memory unit='KiB'>1048576</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>",
                StandardCharsets.UTF_8);
        return xml;
    }

    @Test
    void cLocaleKeepsEveryCharacterOnStdoutAndStderr(@TempDir Path dir) throws Exception {
        Path xml = domainFile(dir);
        String commands = "define " + xml + "; list --all --name; domname 6f1c3c8e-2b7d-4e35-9d0a-5d1f0e7a9b21;"
                + " domuuid " + NAME + "; dominfo " + NAME + "x";
        Run r = jvirsh(Map.of("LC_ALL", "C"), "-c", "test:///default", commands);
        assertEquals(1, r.status(), new String(r.err(), StandardCharsets.UTF_8));
        // byte for byte what virsh 9.0 prints for these commands under LC_ALL=C
        String expected = "Domain '" + NAME + "' defined from " + xml + "\n\n"
                + "test\n" + NAME + "\n\n"
                + NAME + "\n\n"
                + "6f1c3c8e-2b7d-4e35-9d0a-5d1f0e7a9b21\n\n\n";
        assertArrayEquals(utf8(expected), r.out(), new String(r.out(), StandardCharsets.UTF_8));
        assertArrayEquals(utf8("error: failed to get domain '" + NAME + "x'\n"), r.err(),
                new String(r.err(), StandardCharsets.UTF_8));
    }

    @Test
    void posixAndUnsetLocalesToo(@TempDir Path dir) throws Exception {
        Path xml = domainFile(dir);
        for (Map<String, String> locale : List.of(Map.of("LANG", "POSIX"), Map.<String, String>of(),
                Map.of("LC_CTYPE", "C", "LANG", "C.UTF-8"))) {
            Run r = jvirsh(locale, "-c", "test:///default", "define " + xml + "; domname 6f1c3c8e-2b7d-4e35-9d0a-5d1f0e7a9b21");
            assertEquals(0, r.status(), locale + ": " + new String(r.err(), StandardCharsets.UTF_8));
            assertEquals("", new String(r.err(), StandardCharsets.UTF_8), locale.toString());
            assertArrayEquals(utf8("Domain '" + NAME + "' defined from " + xml + "\n\n" + NAME + "\n\n"), r.out(),
                    locale + ": " + new String(r.out(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theJarRunDirectlyRecoversItsArguments(@TempDir Path dir) throws Exception {
        // without the launcher the JVM itself decodes argv as ASCII; jvirsh reads the bytes back
        Path xml = Files.move(domainFile(dir), dir.resolve("dom-ascii.xml")); // such a JVM cannot open non-ASCII file names
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Run r = run(List.of(java, "-jar", Path.of("target", "jvirsh.jar").toAbsolutePath().toString()),
                Map.of("LC_ALL", "C"), "-c", "test:///default", "define " + xml + "; domuuid " + NAME);
        assertEquals("", new String(r.err(), StandardCharsets.UTF_8));
        assertArrayEquals(utf8("Domain '" + NAME + "' defined from " + xml + "\n\n"
                + "6f1c3c8e-2b7d-4e35-9d0a-5d1f0e7a9b21\n\n"), r.out(), new String(r.out(), StandardCharsets.UTF_8));
        assertEquals(0, r.status());
    }
}
