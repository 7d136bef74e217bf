package io.jvirt.conformance.classpath;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's snippet, compiled and run as a plain host program with nothing but the two jars
 * on its class path: proves discovery works outside Maven and JUnit. Runs in the
 * integration-test phase, after the module jars are packaged.
 */
class PlainClasspathIT {
    private static final String SNIPPET = """
            import io.jvirt.spi.*;
            import io.jvirt.spi.auth.Authenticator;

            public class Snippet {
                public static void main(String[] args) {
                    try (Connection conn = ConnectionFactory.open("test:///default", Authenticator.none())) {
                        for (Domain d : conn.listAllDomains()) System.out.println(d.name() + " " + d.state());
                    }
                }
            }
            """;

    private static Path jar(String module) throws IOException {
        Path target = Path.of("..", module, "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches(module + "-[0-9].*(?<!-sources|-tests)\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no jar of " + module + " in " + target.toAbsolutePath()))
                    .toAbsolutePath();
        }
    }

    @Test
    void readmeSnippetRunsFromPlainClasspath(@TempDir Path dir) throws Exception {
        String classpath = jar("hypervisor-spi") + java.io.File.pathSeparator + jar("test-driver");
        Path source = dir.resolve("Snippet.java");
        Files.writeString(source, SNIPPET);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-cp", classpath, "-d", dir.toString(), source.toString()));

        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaBin.toString(), "-cp", classpath + java.io.File.pathSeparator + dir, "Snippet")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "snippet did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertEquals(List.of("test running"), out.lines().toList());
    }
}
