package io.jvirt.cli.commands;

import io.jvirt.cli.session.ReadOnlyCommand;
import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.event.DomainEvent;
import io.jvirt.spi.event.DomainEventId;
import io.jvirt.spi.event.EventFilter;
import io.jvirt.spi.event.EventRegistration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code event}: list event types, or wait for domain events and print them as virsh does. */
public final class EventCommands {
    private EventCommands() {
    }

    /** virsh's timestamp ({@code virTimeStringNowRaw}): UTC with milliseconds. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'+0000'").withZone(ZoneOffset.UTC);

    /** The line virsh prints for an event (without timestamp and newline). */
    public static String line(DomainEvent e) {
        String head = "event '" + e.id().virshName() + "' for domain '" + e.domainName() + "'";
        return switch (e.id()) {
            case LIFECYCLE -> head + ": " + e.lifecycleText();
            case DEVICE_ADDED, DEVICE_REMOVED, DEVICE_REMOVAL_FAILED -> head + ": " + e.device();
            case METADATA_CHANGE -> head + ": type " + metadataType(e.detail()) + ", uri <null>";
            default -> head;
        };
    }

    private static String metadataType(int type) {
        return switch (type) {
            case 0 -> "description";
            case 1 -> "title";
            case 2 -> "element";
            default -> "unsupported value";
        };
    }

    /** {@code line} with virsh's {@code --timestamp} prefix. */
    public static String timestamped(Instant when, String line) {
        return TIMESTAMP.format(when) + ": " + line;
    }

    @ReadOnlyCommand
    @Command(name = "event", description = "List event types, or wait for domain events to occur")
    public static final class Event extends VirshCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<domain>", description = "filter by domain name, id or uuid")
        String positional;
        @Option(names = "--domain", paramLabel = "<domain>", description = "filter by domain name, id or uuid")
        String domainOption;
        @Option(names = "--event", paramLabel = "<string>", description = "which event type to wait for")
        String event;
        @Option(names = "--all", description = "wait for all events instead of just one type")
        boolean all;
        @Option(names = "--loop", description = "loop until timeout or interrupt, rather than one-shot")
        boolean loop;
        @Option(names = "--timeout", paramLabel = "<number>", description = "timeout seconds")
        String timeout;
        @Option(names = "--list", description = "list valid event types")
        boolean list;
        @Option(names = "--timestamp", description = "show timestamp for each printed event")
        boolean timestamp;

        @Override
        public void run(CommandContext ctx) {
            exclusive(all, "all", event != null, "event");
            exclusive(list, "list", all, "all");
            exclusive(list, "list", event != null, "event");
            if (list) {
                for (DomainEventId id : DomainEventId.values()) {
                    ctx.out().println(id.virshName());
                }
                return;
            }
            if (event == null && !all) {
                throw CliFailure.usage("one of --list, --all, or --event <type> is required");
            }
            Set<DomainEventId> ids = Set.of();
            if (event != null) {
                ids = Set.of(DomainEventId.byVirshName(event)
                        .orElseThrow(() -> new CliFailure("unknown event type " + event)));
            }
            long timeoutMs = timeoutMillis();
            String domainArg = domainOption != null ? domainOption : positional;
            Domain domain = domainArg == null ? null : ctx.lookup().domain(domainArg);
            EventFilter filter = new EventFilter(domain == null ? null : domain.uuid(), ids, null);
            BlockingQueue<DomainEvent> queue = new LinkedBlockingQueue<>();
            int count = 0;
            boolean timedOut = false;
            EventRegistration registration;
            try {
                registration = ctx.conn().registerDomainEvents(filter, queue::add);
            } catch (HypervisorException e) {
                throw new CliFailure("failed to register for domain events", e);
            }
            try (registration) {
                long deadline = timeoutMs > 0 ? System.nanoTime() + timeoutMs * 1_000_000 : Long.MAX_VALUE;
                while (true) {
                    long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        timedOut = true;
                        break;
                    }
                    DomainEvent e = queue.poll(Math.min(left, 1000), TimeUnit.MILLISECONDS);
                    if (e == null) {
                        if (!registration.isActive()) {
                            break;
                        }
                        continue;
                    }
                    String text = line(e);
                    ctx.out().println(timestamp ? timestamped(Instant.now(), text) : text);
                    ctx.out().flush();
                    count++;
                    if (!loop) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ctx.out().println("event loop interrupted");
            }
            if (timedOut) {
                ctx.out().println("event loop timed out");
            }
            ctx.out().println("events received: " + count);
        }

        private long timeoutMillis() {
            if (timeout == null) {
                return 0;
            }
            try {
                long s = Long.parseLong(timeout);
                if (s > 0 && s <= Integer.MAX_VALUE / 1000) {
                    return s * 1000;
                }
            } catch (NumberFormatException e) {
                // the message below
            }
            throw CliFailure.usage("Numeric value '" + timeout + "' for <timeout> option is malformed or out of range");
        }

        private static void exclusive(boolean a, String aName, boolean b, String bName) {
            if (a && b) {
                throw CliFailure.usage("Options --" + aName + " and --" + bName + " are mutually exclusive");
            }
        }
    }
}
