package io.jvirt.cli;

import io.jvirt.cli.completion.Completions;
import io.jvirt.cli.completion.Names;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10.6: the bash completion script ({@code cli/src/main/completion/jvirsh.bash}) sourced
 * into bash, with COMP_LINE/COMP_WORDS as bash sets them for a Tab, against the real
 * {@code cli/target/jvirsh.jar} (run through a small {@code jvirsh} wrapper on PATH). The names
 * come from libvirt's test driver: one domain {@code test}, pool {@code default-pool}, network
 * {@code default}.
 */
class CompletionScriptIT {
    @TempDir
    static Path dir;
    private static Path script;

    @BeforeAll
    static void wrapper() throws IOException {
        Path jar = Path.of("target", "jvirsh.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "needs the package phase's " + jar);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path jvirsh = bin.resolve("jvirsh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(jvirsh, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -jar '" + jar + "' \"$@\"\n");
        Files.setPosixFilePermissions(jvirsh, PosixFilePermissions.fromString("rwxr-xr-x"));
        script = Path.of("src", "main", "completion", "jvirsh.bash").toAbsolutePath();
    }

    /**
     * Tab at the end of {@code line}: COMP_WORDS split as bash does (its COMP_WORDBREAKS cut at
     * ':' and '='), then COMPREPLY, one a line.
     */
    private static List<String> tab(String line, String... compWords) throws Exception {
        String words = String.join(" ", Arrays.stream(compWords).map(w -> "'" + w + "'").toList());
        String bash = "source '" + script + "'\n"
                + "COMP_LINE=\"$1\"; COMP_POINT=${#COMP_LINE}\n"
                + "COMP_WORDS=(" + words + "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                + "_jvirsh_complete\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", bash, "_", line);
        pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("HOME", dir.toString());
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        pb.environment().remove("VIRSH_DEFAULT_CONNECT_URI");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bash did not finish");
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void commandNames() throws Exception {
        List<String> expected = new Completions(Names.NONE, CommandCatalog.grammar()).commandNames().stream().filter(c -> c.startsWith("do")).toList();
        assertTrue(expected.containsAll(List.of("dominfo", "domstate", "domuuid")), expected.toString());
        assertEquals(expected, tab("jvirsh do", "jvirsh", "do"));
    }

    @Test
    void domainPoolAndNetworkNamesOfTheConnectionOnTheLine() throws Exception {
        assertEquals(List.of("test"), tab("jvirsh -c test:///default dominfo ",
                "jvirsh", "-c", "test", ":", "///default", "dominfo", ""));
        assertEquals(List.of("test"), tab("jvirsh --connect=test:///default -r domstate --domain t",
                "jvirsh", "--connect", "=", "test", ":", "///default", "-r", "domstate", "--domain", "t"));
        assertEquals(List.of("default-pool"), tab("jvirsh -c test:///default pool-info d",
                "jvirsh", "-c", "test", ":", "///default", "pool-info", "d"));
        assertEquals(List.of("default"), tab("jvirsh -c test:///default list; net-info ",
                "jvirsh", "-c", "test", ":", "///default", "list;", "net-info", ""));
    }

    @Test
    void optionsOfACommandAndOfJvirsh() throws Exception {
        assertEquals(List.of("--inactive"), tab("jvirsh -c test:///default list --all --ina",
                "jvirsh", "-c", "test", ":", "///default", "list", "--all", "--ina"));
        List<String> global = tab("jvirsh --re", "jvirsh", "--re");
        assertEquals(List.of("--readonly"), global);
    }

    @Test
    void withoutAConnectionOnlyTheOptionsAndNoError() throws Exception {
        // no names to offer: the command's options (virsh offers --domain there too); no error text
        assertEquals(List.of("--domain"), tab("jvirsh dominfo ", "jvirsh", "dominfo", ""));
        assertEquals(List.of("--domain"), tab("jvirsh -c bogus:///x dominfo ", "jvirsh", "-c", "bogus", ":", "///x", "dominfo", ""));
        assertEquals(List.of(), tab("jvirsh -c bogus:///x dominfo t", "jvirsh", "-c", "bogus", ":", "///x", "dominfo", "t"));
    }
}
