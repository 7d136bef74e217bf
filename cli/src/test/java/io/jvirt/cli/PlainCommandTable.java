package io.jvirt.cli;

import io.jvirt.cli.session.VirshCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Writes PlainParser's table ({@code plain-commands.txt}) from jvirsh's picocli annotations:
 * what each command accepts in the forms PlainParser parses exactly as picocli does, and which
 * options and commands it leaves to picocli ({@code !}). The rules are conservative: an
 * annotation attribute that changes how picocli parses and is not at its default leaves the
 * option (or, when it matters even if the option is not given, the whole command) to picocli.
 */
final class PlainCommandTable {
    /** Option attributes that do not change how a command line is parsed. */
    private static final Set<String> OPTION_IGNORED = Set.of("names", "help", "usageHelp", "versionHelp",
            "description", "paramLabel", "hideParamSyntax", "hidden", "showDefaultValue", "completionCandidates",
            "descriptionKey", "order", "splitSynopsisLabel", "echo", "prompt", "scope", "inherited");
    /** Option attributes that picocli applies whether or not the option is given. */
    private static final Set<String> OPTION_ALWAYS = Set.of("required", "defaultValue", "negatable");
    /** Positional attributes that do not change parsing ({@code index} and {@code arity} are read). */
    private static final Set<String> PARAMETER_IGNORED = Set.of("index", "arity", "description", "paramLabel",
            "hideParamSyntax", "hidden", "showDefaultValue", "completionCandidates", "descriptionKey",
            "splitSynopsisLabel", "echo", "prompt");

    private PlainCommandTable() {
    }

    /** The table for jvirsh's own options and every command of the catalog. */
    static String generate() throws ReflectiveOperationException {
        StringBuilder out = new StringBuilder();
        out.append("# What PlainParser parses without picocli, derived from the commands' picocli annotations\n");
        out.append("# (the format is in PlainParser's documentation). Do not edit: PlainParserTest fails when this\n");
        out.append("# differs from the annotations and writes the current table to cli/target/plain-commands.txt.\n");
        command(out, PlainParser.GLOBAL, GlobalOptions.class);
        for (Class<?> c : CommandCatalog.class.getAnnotation(Command.class).subcommands()) {
            command(out, c.getAnnotation(Command.class).name(), c);
        }
        return out.toString();
    }

    /** The names of the catalog's commands. */
    static Set<String> commandNames() {
        Set<String> names = new TreeSet<>();
        for (Class<?> c : CommandCatalog.class.getAnnotation(Command.class).subcommands()) {
            names.add(c.getAnnotation(Command.class).name());
        }
        return names;
    }

    private static void command(StringBuilder out, String name, Class<?> type) throws ReflectiveOperationException {
        Command command = type.getAnnotation(Command.class);
        Object instance = type.getDeclaredConstructor().newInstance();
        Set<String> lines = new TreeSet<>();
        boolean plain = command != null && command.subcommands().length == 0 && command.separator().equals("=")
                && !(instance instanceof VirshCommand v && v.needsModel())
                && describe(type, "", lines, new HashSet<>(), new int[] {0});
        out.append(name).append(' ').append(type.getName()).append(plain ? "" : " !").append('\n');
        if (plain) {
            for (String line : lines) {
                out.append("  ").append(line).append('\n');
            }
        }
    }

    /**
     * Adds the lines of {@code type}'s annotated fields (paths prefixed with {@code prefix});
     * false when picocli must parse the whole command. {@code positionals}: index of the
     * catch-all list (-1) or count of indexed positionals seen.
     */
    private static boolean describe(Class<?> type, String prefix, Set<String> lines, Set<String> names,
            int[] positionals) throws ReflectiveOperationException {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (!picocli(m.getDeclaredAnnotations()).isEmpty()) {
                    return false; // annotated setters
                }
            }
            for (Field f : c.getDeclaredFields()) {
                List<Annotation> annotations = picocli(f.getDeclaredAnnotations());
                if (annotations.isEmpty()) {
                    continue;
                }
                if (annotations.size() != 1 || !field(f, annotations.get(0), prefix, lines, names, positionals)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean field(Field f, Annotation a, String prefix, Set<String> lines, Set<String> names,
            int[] positionals) throws ReflectiveOperationException {
        String path = prefix + f.getName();
        if (a instanceof Spec) {
            return true; // left unset: VirshCommand.needsModel()
        }
        if (a instanceof Mixin) {
            if (!prefix.isEmpty()) {
                return false; // a mixin's mixin
            }
            lines.add("+ " + path);
            return describe(f.getType(), path + ".", lines, names, positionals);
        }
        if (a instanceof Option o) {
            if (!atDefaults(o, OPTION_ALWAYS::contains)) {
                return false;
            }
            String type = type(f, true);
            boolean declined = o.help() || o.usageHelp() || o.versionHelp() || type == null
                    || !atDefaults(o, n -> !OPTION_IGNORED.contains(n));
            for (String name : o.names()) {
                if (!names.add(name) || name.contains(" ") || name.contains("=")) {
                    return false;
                }
                lines.add(declined ? name + " !" : name + " " + path + " " + type);
            }
            return true;
        }
        if (a instanceof Parameters p) {
            if (!atDefaults(p, n -> !PARAMETER_IGNORED.contains(n))) {
                return false;
            }
            if (p.index().isEmpty() && p.arity().equals("0..*") && isStringList(f)) {
                if (positionals[0] != 0) {
                    return false;
                }
                positionals[0] = -1;
                lines.add("* " + path);
                return true;
            }
            String type = type(f, false);
            if (!p.arity().equals("0..1") || !p.index().matches("[0-9]+") || type == null || positionals[0] < 0) {
                return false;
            }
            positionals[0]++;
            return lines.add("@" + Integer.parseInt(p.index()) + " " + path + " " + type);
        }
        return false; // argument groups, unmatched, parent command...
    }

    private static String type(Field f, boolean option) {
        Class<?> t = f.getType();
        if (t == String.class) {
            return "S";
        }
        if (t == int.class || t == Integer.class) {
            return "I";
        }
        if (t == long.class || t == Long.class) {
            return "L";
        }
        return option && t == boolean.class ? "Z" : null;
    }

    private static boolean isStringList(Field f) {
        return f.getType() == List.class && f.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == String.class;
    }

    /** True when each attribute of {@code a} that {@code checked} selects has its default value. */
    private static boolean atDefaults(Annotation a, Predicate<String> checked) throws ReflectiveOperationException {
        for (Method m : a.annotationType().getDeclaredMethods()) {
            if (checked.test(m.getName())
                    && (m.getDefaultValue() == null || !Objects.deepEquals(m.invoke(a), m.getDefaultValue()))) {
                return false;
            }
        }
        return true;
    }

    private static List<Annotation> picocli(Annotation[] annotations) {
        List<Annotation> found = new ArrayList<>(1);
        for (Annotation a : annotations) {
            if (a.annotationType().getName().startsWith("picocli.")) {
                found.add(a);
            }
        }
        return found;
    }
}
