package io.jvirt.cli.commands;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.ReadOnlyCommand;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.spi.CloneOptions;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainJobInfo;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.Screenshot;
import io.jvirt.spi.keys.KeycodeSet;
import io.jvirt.spi.keys.Keycodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** clone (a jvirt command), screenshot, send-key, domdisplay, domjobinfo, domjobabort and sysinfo. */
public final class CloneConsoleCommands {
    private CloneConsoleCommands() {
    }

    @Command(name = "clone", description = "clone a domain into a new shut-off domain (jvirt; libvirt has no clone)")
    public static final class Clone extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<newname>", description = "name of the clone")
        String newName;
        @Option(names = "--snapshot", paramLabel = "<name>", description = "clone the state of this snapshot")
        String snapshot;
        @Option(names = "--linked", description = "linked clone: disks are children of the snapshot's (needs --snapshot)")
        boolean linked;
        @Option(names = "--pool", paramLabel = "<pool>", description = "storage pool (datastore) for the clone's files")
        String pool;

        @Override
        public void run(CommandContext ctx) {
            String target = require(newName, "newname");
            Domain d = ctx.lookup().domain(domain.value(name()));
            String failed = "Failed to clone domain '" + d.name() + "'";
            CloneOptions options;
            try {
                options = new CloneOptions(snapshot, linked, pool);
            } catch (HypervisorException e) {
                throw new CliFailure(failed, e);
            }
            Domain[] clone = new Domain[1];
            attempt(failed, () -> clone[0] = d.clone(target, options));
            ctx.printExtra("Domain '" + d.name() + "' cloned to '" + clone[0].name() + "'");
        }
    }

    @Command(name = "screenshot", description = "take a screenshot of a current domain console and store it into a file")
    public static final class ScreenshotCommand extends VirshCommand {
        private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH:mm:ss", Locale.ROOT);

        @Mixin
        DomainArg domain;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<file>", description = "where to store the screenshot")
        String file;
        @Option(names = "--file", paramLabel = "<file>", hidden = true)
        String fileOption;
        @Option(names = "--screen", paramLabel = "<number>", description = "ID of a screen to take screenshot of")
        int screen;

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            Screenshot shot;
            try {
                shot = d.screenshot(screen);
            } catch (HypervisorException e) {
                throw new CliFailure("could not take a screenshot of " + d.name(), e);
            }
            String given = fileOption != null ? fileOption : file;
            // virsh's default name: <domain>-<local time>.<extension of the type>
            String name = given != null ? given
                    : d.name() + "-" + LocalDateTime.now().format(STAMP) + "." + extension(shot.mimeType());
            Path path = ctx.path(name);
            try {
                if (given != null) {
                    Files.write(path, shot.data());
                } else {
                    Files.write(path, shot.data(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                }
            } catch (IOException e) {
                throw new CliFailure("cannot create file " + name + ": " + reason(e));
            }
            ctx.printExtra("Screenshot saved to " + name + ", with type of " + shot.mimeType());
        }

        static String extension(String mime) {
            return switch (mime) {
                case "image/png" -> "png";
                case "image/x-portable-pixmap" -> "ppm";
                default -> mime.startsWith("image/") ? mime.substring(6) : "img";
            };
        }

        private static String reason(IOException e) {
            if (e instanceof java.nio.file.FileAlreadyExistsException) {
                return "File exists";
            }
            if (e instanceof java.nio.file.NoSuchFileException) {
                return "No such file or directory";
            }
            if (e instanceof java.nio.file.AccessDeniedException) {
                return "Permission denied";
            }
            return e.getMessage();
        }
    }

    @Command(name = "send-key", description = "Send keycodes to the guest")
    public static final class SendKey extends VirshCommand {
        @Option(names = "--domain", paramLabel = "<domain>", description = "domain name, id or uuid")
        String domainOption;
        @Option(names = "--codeset", paramLabel = "<string>", description = "the codeset of keycodes, default:linux")
        String codeset = "linux";
        @Option(names = "--holdtime", paramLabel = "<number>", description = "the time (in milliseconds) how long the keys will be held")
        int holdtime;
        @Parameters(paramLabel = "<keycode>", description = "the key code")
        List<String> args;

        @Override
        public void run(CommandContext ctx) {
            List<String> words = args == null ? List.of() : args;
            String dom = domainOption;
            int first = 0;
            if (dom == null) {
                if (words.isEmpty()) {
                    throw CliFailure.usage("command 'send-key' requires <domain> option");
                }
                dom = words.get(0);
                first = 1;
            }
            List<String> keys = words.subList(first, words.size());
            if (keys.isEmpty()) {
                throw CliFailure.usage("command 'send-key' requires <keycode> option");
            }
            if (keys.size() > 16) {
                throw new CliFailure("too many keycodes");
            }
            if (holdtime < 0) {
                throw new CliFailure("Numeric value for <holdtime> option is malformed or out of range");
            }
            KeycodeSet set;
            try {
                set = KeycodeSet.of(codeset);
            } catch (HypervisorException e) {
                throw new CliFailure("unknown codeset: '" + codeset + "'");
            }
            int[] codes = new int[keys.size()];
            for (int i = 0; i < codes.length; i++) {
                try {
                    codes[i] = Keycodes.parse(set, keys.get(i));
                } catch (HypervisorException e) {
                    throw new CliFailure("invalid keycode: '" + keys.get(i) + "'");
                }
            }
            Domain d = ctx.lookup().domain(dom);
            d.sendKey(set, holdtime, codes);
        }
    }

    @Command(name = "domdisplay", description = "domain display connection URI")
    public static final class Domdisplay extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Option(names = "--type", paramLabel = "<string>", description = "select particular graphical display (vnc, webmks)")
        String type;
        @Option(names = "--include-password", description = "includes the password into the connection URI if available")
        boolean includePassword;

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            String uri;
            try {
                uri = d.displayUri(type, includePassword);
            } catch (HypervisorException e) {
                // virsh's line; the driver's reason follows unless it is that same line
                if (e.getMessage() != null && e.getMessage().endsWith("No graphical display found")) {
                    throw new CliFailure("No graphical display found");
                }
                throw new CliFailure("No graphical display found", e);
            }
            ctx.out().println(uri);
        }
    }

    @Command(name = "domjobinfo", description = "domain job information")
    @ReadOnlyCommand
    public static final class Domjobinfo extends VirshCommand {
        @Mixin
        DomainArg domain;

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            DomainJobInfo job = d.jobInfo();
            java.io.PrintStream out = ctx.out();
            out.printf(Locale.ROOT, "%-17s %-12s%n", "Job type:", job.type().virshName());
            if (job.type() == DomainJobInfo.Type.NONE) {
                return;
            }
            out.printf(Locale.ROOT, "%-17s %-12s%n", "Operation:", operation(job.operation()));
            if (job.elapsedMs() >= 0) {
                out.printf(Locale.ROOT, "%-17s %-12d ms%n", "Time elapsed:", job.elapsedMs());
            }
            if (job.type() == DomainJobInfo.Type.BOUNDED && job.elapsedMs() >= 0 && job.percent() > 0) {
                long remaining = job.elapsedMs() * (100 - job.percent()) / job.percent();
                out.printf(Locale.ROOT, "%-17s %-12d ms%n", "Time remaining:", remaining);
            }
        }

        /** virsh's operation names for the vSphere tasks that are one; other tasks are "Unknown", as in virsh. */
        static String operation(String task) {
            if (task == null) {
                return "Unknown";
            }
            String t = task.toLowerCase(Locale.ROOT);
            if (t.endsWith("poweron")) {
                return "Start";
            }
            if (t.endsWith("createsnapshot")) {
                return "Snapshot";
            }
            if (t.endsWith("reverttosnapshot") || t.endsWith("revert")) {
                return "Snapshot revert";
            }
            if (t.endsWith("migrate") || t.endsWith("relocate")) {
                return "Outgoing migration";
            }
            return "Unknown";
        }
    }

    @Command(name = "domjobabort", description = "abort active domain job")
    public static final class Domjobabort extends VirshCommand {
        @Mixin
        DomainArg domain;

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            d.abortJob();
        }
    }

    @Command(name = "sysinfo", description = "print the hypervisor sysinfo")
    @ReadOnlyCommand
    public static final class Sysinfo extends VirshCommand {
        @Override
        public void run(CommandContext ctx) {
            String xml;
            try {
                xml = ctx.conn().sysinfo();
            } catch (HypervisorException e) {
                throw new CliFailure("failed to get sysinfo", e);
            }
            ctx.out().print(xml.endsWith("\n") ? xml : xml + "\n");
        }
    }
}
