package io.jvirt.cli;

import io.jvirt.cli.commands.DomainInfoCommands;
import io.jvirt.cli.session.VirshCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * PlainParser gives picocli's result or none: its table is the one the annotations give, and
 * for generated and random command lines of every command (and of jvirsh's own options) a
 * command line it takes has exactly the fields picocli sets; help and errors stay picocli's.
 */
class PlainParserTest {
    private static final PlainParser PLAIN = PlainParser.standard();
    /** Values that exercise each rule: plain words and numbers, and what picocli reads otherwise. */
    private static final List<String> VALUES = List.of("x", "ha-host_VM0", "7", "0", "-1", "", "a b", "07", "+3",
            "99999999999999999999", "2147483648", "--", "-", "@args", "x=y", "--bogus", "-rq", "true", "esx");

    @Test
    void theTableIsTheAnnotations() throws Exception {
        String generated = PlainCommandTable.generate();
        String packaged;
        try (InputStream in = PlainParser.class.getResourceAsStream(PlainParser.TABLE)) {
            assertNotNull(in, PlainParser.TABLE + " is not on the class path");
            packaged = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!generated.equals(packaged)) {
            Path current = Path.of("target", PlainParser.TABLE);
            Files.createDirectories(current.getParent());
            Files.writeString(current, generated);
            fail(PlainParser.TABLE + " differs from the commands' annotations: copy cli/" + current
                    + " over cli/src/main/resources/io/jvirt/cli/" + PlainParser.TABLE);
        }
    }

    @Test
    void everyCommandIsInTheTable() {
        Set<String> tabled = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^([a-z][a-z0-9-]*) ").matcher(table());
        while (m.find()) {
            tabled.add(m.group(1));
        }
        assertEquals(PlainCommandTable.commandNames(), tabled);
        assertNull(PLAIN.parse("no-such-command", List.of()));
    }

    @Test
    void theCommandLinesScriptsRunMostAreParsedWithoutPicocli() {
        for (String line : List.of("list", "list --all", "list --all --name", "dominfo ha-host_VM0",
                "domstate ha-host_VM0 --reason", "dumpxml ha-host_VM0", "dumpxml --domain=ha-host_VM0 --inactive",
                "domuuid ha-host_VM0", "domid ha-host_VM0", "domname 3", "nodeinfo", "pool-list --all",
                "net-list --all", "vol-list LocalDS_0", "snapshot-list ha-host_VM0", "domblklist ha-host_VM0")) {
            List<String> words = List.of(line.split(" "));
            assertInstanceOf(VirshCommand.class, PLAIN.parse(words.get(0), words.subList(1, words.size())), line);
        }
        for (String line : List.of("-c esx://127.0.0.1/?no_verify=1 list --all", "-r -q -c vpx://vc/dc list",
                "--connect=test:///default dominfo 1", "-d 1 -l log.txt list", "--readonly", "")) {
            List<String> words = line.isEmpty() ? List.of() : List.of(line.split(" "));
            assertInstanceOf(GlobalOptions.class, PLAIN.parse(PlainParser.GLOBAL, List.of(Jvirsh.normalizeSim(
                    words.toArray(String[]::new)))), line);
        }
        GlobalOptions g = (GlobalOptions) PLAIN.parse(PlainParser.GLOBAL, List.of("-q", "-c", "u", "list", "--all", "-c", "v"));
        assertEquals("u", g.connect);
        assertTrue(g.quiet);
        assertEquals(List.of("list", "--all", "-c", "v"), g.command);
        DomainInfoCommands.ListDomains list = (DomainInfoCommands.ListDomains) PLAIN.parse("list", List.of("--all"));
        assertEquals("list", list.name());
    }

    @Test
    void helpAndWhatPicocliParsesOtherwiseAreLeftToIt() {
        assertNull(PLAIN.parse("help", List.of()), "help lists picocli's model of the commands");
        assertNull(PLAIN.parse("list", List.of("--help")));
        assertNull(PLAIN.parse("list", List.of("--bogus")));
        assertNull(PLAIN.parse("dominfo", List.of("a", "b")), "a positional past the last one");
        assertNull(PLAIN.parse("dominfo", List.of("--domain")), "an option without its value");
        assertNull(PLAIN.parse(PlainParser.GLOBAL, List.of("-h")));
        assertNull(PLAIN.parse(PlainParser.GLOBAL, List.of("--sim=esx", "list")), "--sim's optional value");
        assertNull(PLAIN.parse(PlainParser.GLOBAL, List.of("-rq", "list")), "clustered short options");
        assertNull(PLAIN.parse(PlainParser.GLOBAL, List.of("-d", "07", "list")), "a number written otherwise");
    }

    @Test
    void jvirshsOwnOptionsParseAsPicocliParsesThem() throws Exception {
        List<String> words = new ArrayList<>(names(GlobalOptions.class));
        words.addAll(List.of("list", "--all", "dominfo"));
        int taken = compareAll(PlainParser.GLOBAL, vectors(PlainParser.GLOBAL, words, 2, 600));
        assertTrue(taken > 50, "PlainParser took only " + taken + " of jvirsh's option lines");
    }

    @Test
    void everyCommandParsesAsPicocliParsesIt() throws Exception {
        int taken = 0;
        int commands = 0;
        for (String name : PlainCommandTable.commandNames()) {
            Class<?> type = CommandCatalog.commandClass(name);
            taken += compareAll(name, vectors(name, new ArrayList<>(names(type)), maxIndex(type) + 2, 120));
            commands++;
        }
        assertTrue(taken > commands * 10, "PlainParser took only " + taken + " command lines of " + commands + " commands");
    }

    /** Parses each vector both ways; returns how many PlainParser took. */
    private static int compareAll(String name, List<List<String>> vectors) throws Exception {
        int taken = 0;
        for (List<String> args : vectors) {
            Object plain = PLAIN.parse(name, args);
            if (plain == null) {
                continue;
            }
            taken++;
            Object picocli = picocli(name, args);
            if (picocli == null) {
                fail(name + " " + args + ": PlainParser took what picocli refuses or answers with help");
            }
            assertEquals(fields(picocli), fields(plain), name + " " + args);
        }
        return taken;
    }

    /**
     * picocli's parsers, one per command, reused: picocli sets every option and positional back
     * to its initial value before each parse (building a model per command line made this test
     * take 7 s).
     */
    private static final Map<String, CommandLine> PARSERS = new java.util.HashMap<>();

    /** picocli's parse of {@code args}, or null when it fails or asks for help. */
    private static Object picocli(String name, List<String> args) {
        try {
            if (name.equals(PlainParser.GLOBAL)) {
                CommandLine cl = PARSERS.computeIfAbsent(name, n -> PicocliParsing.globalParser(new GlobalOptions()));
                cl.parseArgs(args.toArray(String[]::new));
                return cl.isUsageHelpRequested() ? null : cl.getCommand();
            }
            CommandLine root = PARSERS.computeIfAbsent(name, CommandCatalog::commandLineFor);
            List<String> words = new ArrayList<>();
            words.add(name);
            words.addAll(args);
            CommandLine.ParseResult r = root.parseArgs(words.toArray(String[]::new));
            CommandLine sub = root.getSubcommands().get(name);
            return sub.isUsageHelpRequested() ? null : r.subcommand().commandSpec().userObject();
        } catch (ParameterException e) {
            return null;
        }
    }

    /** Generated vectors (each option with each value, positionals, mixes) and random ones. */
    private static List<List<String>> vectors(String name, List<String> words, int positionals, int random) {
        Set<List<String>> out = new LinkedHashSet<>();
        out.add(List.of());
        List<String> pos = new ArrayList<>();
        for (int i = 0; i < positionals; i++) {
            pos.add("p" + i);
            out.add(List.copyOf(pos));
        }
        for (String w : words) {
            out.add(List.of(w));
            out.add(List.of(w, w));
            out.add(List.of("p0", w));
            out.add(List.of("--", w));
            for (String v : VALUES) {
                out.add(List.of(w, v));
                out.add(List.of(w + "=" + v));
                out.add(List.of(w, v, "p0"));
                out.add(List.of("p0", w, v, w, "y"));
            }
        }
        for (String v : VALUES) {
            out.add(List.of(v));
            out.add(List.of("p0", v));
        }
        Random r = new Random(name.hashCode());
        List<String> pool = new ArrayList<>(words);
        pool.addAll(VALUES);
        pool.addAll(List.of("p0", "p1", "p2"));
        for (int i = 0; i < random; i++) {
            List<String> v = new ArrayList<>();
            for (int n = 1 + r.nextInt(6); n > 0; n--) {
                v.add(pool.get(r.nextInt(pool.size())));
            }
            out.add(v);
        }
        return new ArrayList<>(out);
    }

    /** The option names of {@code type} and its mixins. */
    private static Set<String> names(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Field f : annotated(type)) {
            Option o = f.getAnnotation(Option.class);
            if (o != null) {
                names.addAll(Arrays.asList(o.names()));
            }
            if (f.isAnnotationPresent(Mixin.class)) {
                names.addAll(names(f.getType()));
            }
        }
        return names;
    }

    private static int maxIndex(Class<?> type) {
        int max = 0;
        for (Field f : annotated(type)) {
            Parameters p = f.getAnnotation(Parameters.class);
            if (p != null && p.index().matches("[0-9]+")) {
                max = Math.max(max, Integer.parseInt(p.index()));
            }
            if (f.isAnnotationPresent(Mixin.class)) {
                max = Math.max(max, maxIndex(f.getType()));
            }
        }
        return max;
    }

    /** Every option, positional and mixin value of {@code o}, by field path. */
    private static Map<String, Object> fields(Object o) throws IllegalAccessException {
        Map<String, Object> values = new TreeMap<>();
        for (Field f : annotated(o.getClass())) {
            f.setAccessible(true);
            Object v = f.get(o);
            if (f.isAnnotationPresent(Mixin.class)) {
                values.put(f.getName(), v == null ? "(no mixin)" : "(mixin)");
                if (v != null) {
                    fields(v).forEach((k, x) -> values.put(f.getName() + "." + k, x));
                }
            } else if (f.isAnnotationPresent(Option.class) || f.isAnnotationPresent(Parameters.class)) {
                values.put(f.getName(), v);
            }
        }
        return values;
    }

    private static List<Field> annotated(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            fields.addAll(Arrays.asList(c.getDeclaredFields()));
        }
        return fields;
    }

    private static String table() {
        try (InputStream in = PlainParser.class.getResourceAsStream(PlainParser.TABLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
