package io.jvirt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the plain command lines that scripts run most ({@code -c URI list --all},
 * {@code dominfo NAME}) without picocli. picocli's first use was the largest part of a short
 * jvirsh run that was left (~0.15 s of ~0.6 s; benchmarks/STARTUP.md, fifth round): its
 * classes are Java 5 class files, which no CDS archive serves, and it builds each command's
 * model by reflection on annotations, in the interpreter.
 *
 * <p>What each command accepts comes from {@code plain-commands.txt}, a table that
 * PlainParserTest derives from the commands' picocli annotations and keeps equal to them. This
 * parser takes a command line only when it gives exactly picocli's result, and declines (returns
 * null) for everything else, which picocli then parses as before, with its help and its errors:
 * <ul>
 *   <li>options: {@code --name value} and {@code --name=value} for String, int and long fields,
 *       {@code --name} for boolean ones, repeated (the last wins, as jvirsh's
 *       {@code setOverwrittenOptionsAllowed(true)} has it);</li>
 *   <li>positional parameters: one value at one index, or all of them in one list; options and
 *       positionals in any order; {@code --} ends the options;</li>
 *   <li>declined: an unknown option, help, clustered or attached short options, an option value
 *       that starts with {@code -} (attached or not), a number not written plainly (sign, leading zero, overflow),
 *       a boolean with a value, a positional past the last one, and the options and commands the
 *       table marks {@code !} (those picocli parses otherwise: arity, converters, fallback
 *       values; commands that read picocli's model of themselves).</li>
 * </ul>
 *
 * <p>Table format: a command's line is {@code name class} ({@code name class !} when picocli
 * always parses it; {@code (global)} is jvirsh's own options, parsed up to the first positional);
 * each of its parameters follows on a line that starts with two spaces: {@code -n|--name field T}
 * for an option, {@code @N field T} for the positional at index N, {@code * field} for the
 * list of all positionals, {@code + field} for a mixin (made as picocli makes it, whether or not
 * one of its options is given), and {@code --name !} for an option left to picocli. {@code field} is a
 * field of the command or {@code mixin.field}; {@code T} is S (String), Z (boolean), I (int or
 * Integer) or L (long or Long).
 */
final class PlainParser {
    static final String TABLE = "plain-commands.txt";
    /** The name of jvirsh's own options in the table. */
    static final String GLOBAL = "(global)";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("0|[1-9][0-9]{0,18}");

    private final String table;

    private PlainParser(String table) {
        this.table = table;
    }

    /** The table in jvirsh's jar, read once. */
    static PlainParser standard() {
        return Standard.PARSER;
    }

    private static final class Standard {
        static final PlainParser PARSER = load();
    }

    private static PlainParser load() {
        try (InputStream in = PlainParser.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from jvirsh's jar");
            }
            return new PlainParser(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The command {@code name} with {@code args} applied, or null when this parser does not take
     * them, or there is no such command (picocli's catalog then says so).
     */
    Object parse(String name, List<String> args) {
        int at = header(name);
        if (at < 0) {
            return null;
        }
        Command command = Command.read(table, at);
        if (command == null) {
            return null;
        }
        try {
            Object instance = newInstance(Class.forName(command.className, true, PlainParser.class.getClassLoader()));
            return command.apply(instance, args, name.equals(GLOBAL)) ? instance : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a table that does not fit the classes: picocli parses (and the test fails)
            return null;
        }
    }

    /** Where the line of command {@code name} starts, or -1. */
    private int header(String name) {
        String line = name + " ";
        int from = 0;
        while (true) {
            int at = table.indexOf(line, from);
            if (at < 0) {
                return -1;
            }
            if (at == 0 || table.charAt(at - 1) == '\n') {
                return at;
            }
            from = at + 1;
        }
    }

    /** One field to set: its path from the command ({@code field} or {@code mixin.field}) and type. */
    private record Target(String path, char type) {
    }

    /** An option left to picocli. */
    private static final Target DECLINED = new Target("", '!');

    /** One command's lines of the table. */
    private static final class Command {
        final String className;
        final Map<String, Target> options = new HashMap<>();
        final Map<Integer, Target> positionals = new HashMap<>();
        final List<String> mixins = new ArrayList<>();
        Target rest;

        private Command(String className) {
            this.className = className;
        }

        /** The command whose line starts at {@code at}, or null when picocli always parses it. */
        static Command read(String table, int at) {
            int end = lineEnd(table, at);
            String[] head = table.substring(at, end).split(" ");
            if (head.length != 2) {
                return null;
            }
            Command c = new Command(head[1]);
            for (int from = end + 1; from < table.length() && table.startsWith("  ", from); from = end + 1) {
                end = lineEnd(table, from);
                String[] w = table.substring(from + 2, end).split(" ");
                if (w.length == 2 && w[1].equals("!")) {
                    c.options.put(w[0], DECLINED);
                } else if (w[0].equals("+")) {
                    c.mixins.add(w[1]);
                } else if (w[0].equals("*")) {
                    c.rest = new Target(w[1], 'S');
                } else if (w[0].startsWith("@")) {
                    c.positionals.put(Integer.valueOf(w[0].substring(1)), new Target(w[1], w[2].charAt(0)));
                } else {
                    c.options.put(w[0], new Target(w[1], w[2].charAt(0)));
                }
            }
            return c;
        }

        private static int lineEnd(String table, int from) {
            int end = table.indexOf('\n', from);
            return end < 0 ? table.length() : end;
        }

        /** Sets {@code instance}'s fields from {@code args}; false (nothing set) when declined. */
        boolean apply(Object instance, List<String> args, boolean stopAtPositional) throws ReflectiveOperationException {
            List<Target> targets = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            List<String> rest = null;
            int position = 0;
            boolean optionsEnded = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (!optionsEnded && arg.equals("--")) {
                    if (stopAtPositional) {
                        return false;
                    }
                    optionsEnded = true;
                    continue;
                }
                if (!optionsEnded && arg.startsWith("-")) {
                    int eq = arg.indexOf('=');
                    Target option = options.get(eq > 0 ? arg.substring(0, eq) : arg);
                    if (option == null || option == DECLINED) {
                        return false;
                    }
                    Object value;
                    if (option.type() == 'Z') {
                        if (eq > 0) {
                            return false;
                        }
                        value = Boolean.TRUE;
                    } else if (eq > 0 && !arg.startsWith("-", eq + 1)) {
                        value = convert(option.type(), arg.substring(eq + 1));
                    } else if (eq < 0 && i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
                        value = convert(option.type(), args.get(++i));
                    } else {
                        return false;
                    }
                    if (value == null) {
                        return false;
                    }
                    targets.add(option);
                    values.add(value);
                    continue;
                }
                if (this.rest != null) {
                    if (rest == null) {
                        rest = new ArrayList<>();
                    }
                    if (stopAtPositional) {
                        rest.addAll(args.subList(i, args.size()));
                        break;
                    }
                    rest.add(arg);
                    continue;
                }
                Target positional = positionals.get(position++);
                Object value = positional == null ? null : convert(positional.type(), arg);
                if (value == null) {
                    return false;
                }
                targets.add(positional);
                values.add(value);
            }
            for (String mixin : mixins) {
                mixin(instance, mixin);
            }
            for (int i = 0; i < targets.size(); i++) {
                set(instance, targets.get(i).path(), values.get(i));
            }
            if (rest != null) {
                set(instance, this.rest.path(), rest);
            }
            return true;
        }
    }

    /** The value picocli would set, or null when it would read {@code value} otherwise or fail. */
    private static Object convert(char type, String value) {
        if (type == 'S') {
            return value;
        }
        if (!PLAIN_NUMBER.matcher(value).matches()) {
            return null;
        }
        try {
            return switch (type) {
                case 'I' -> Integer.valueOf(value);
                case 'L' -> Long.valueOf(value);
                default -> null;
            };
        } catch (NumberFormatException overflow) {
            return null;
        }
    }

    /** Sets the field at {@code path}: {@code field} or {@code mixin.field}. */
    private static void set(Object instance, String path, Object value) throws ReflectiveOperationException {
        int dot = path.indexOf('.');
        if (dot >= 0) {
            set(mixin(instance, path.substring(0, dot)), path.substring(dot + 1), value);
            return;
        }
        field(instance.getClass(), path).set(instance, value);
    }

    /** The mixin in field {@code name}, made as picocli does when the field is unset. */
    private static Object mixin(Object instance, String name) throws ReflectiveOperationException {
        Field f = field(instance.getClass(), name);
        Object mixin = f.get(instance);
        if (mixin == null) {
            mixin = newInstance(f.getType());
            f.set(instance, mixin);
        }
        return mixin;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    private static Object newInstance(Class<?> type) throws ReflectiveOperationException {
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }
}
