package io.jvirt.esx.domain;

import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.Tasks;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.Connection;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.MigrateFlag;
import io.jvirt.spi.ProgressListener;
import io.jvirt.vim25.Event;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VirtualMachineMovePriority;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Migration between two hosts of one vCenter (esx-spec 2.9, libvirt's V1 protocol folded into one
 * call): the destination names itself as {@code vpxmigr://<vCenter IP>/<pool MOR>/<host MOR>}
 * (prepare), the source validates with {@code ValidateMigration} and runs {@code MigrateVM_Task}
 * on the vCenter (perform), the destination looks the domain up by name (finish). The flags
 * PERSIST_DEST, UNDEFINE_SOURCE, LIVE and PAUSED are accepted without effect (vCenter migrations
 * are always persistent and move the registration); the bandwidth is not used, as in libvirt.
 */
public final class Migration {
    private static final Set<MigrateFlag> ALLOWED = EnumSet.of(MigrateFlag.PERSIST_DEST, MigrateFlag.UNDEFINE_SOURCE,
            MigrateFlag.LIVE, MigrateFlag.PAUSED);

    private final WriteContext ctx;

    public Migration(WriteContext ctx) {
        this.ctx = ctx;
    }

    /** The whole migration, as seen from the source connection. */
    public Domain migrate(EsxDomain d, Connection destination, Set<MigrateFlag> flags, String newName, String uri,
                          long bandwidth, ProgressListener progress) {
        Set<MigrateFlag> rest = flags.isEmpty() ? EnumSet.noneOf(MigrateFlag.class) : EnumSet.copyOf(flags);
        rest.removeAll(ALLOWED);
        if (!rest.isEmpty()) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "unsupported flags ("
                    + rest.stream().map(Enum::name).collect(Collectors.joining(", ")) + ") in function migrate");
        }
        if (bandwidth < 0) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "Migration bandwidth must not be negative: " + bandwidth);
        }
        if (destination == null) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "Migration needs a destination connection");
        }
        if (destination.isReadOnly()) {
            // as libvirt's virDomainMigrate: the destination gains a domain, a read-only connection may not
            throw new HypervisorException(ErrorCode.OPERATION_DENIED, ErrorDomain.ESX,
                    "read only access prevents migrating to the destination connection " + destination.uri());
        }
        String target = uri;
        if (target == null) {
            if (!(destination instanceof MigrationDestination esx)) {
                throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                        "Migration destination is not an ESX connection; give a vpxmigr:// URI");
            }
            target = esx.prepareMigration();
        }
        perform(d, target, newName, progress);
        return destination.lookupDomainByName(d.name());
    }

    /**
     * {@code domainMigratePrepare}: this connection as a destination. libvirt dereferences the
     * vCenter without a check (esx-spec 7.2 #25); we report the missing vCenter.
     */
    public String prepare() {
        VimSession vc = ctx.vcenter();
        if (vc == null) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "Migration not possible without a vCenter");
        }
        ManagedObjectReference pool;
        ManagedObjectReference host;
        if (vc == ctx.primary()) {
            pool = ctx.scope().resourcePool();
            host = ctx.scope().hostSystem();
        } else {
            // esx://...?vcenter=: the host and its pool as the vCenter knows them
            String hostIp = ipv4(ctx.connection().uri().host());
            ManagedObjectReference searchIndex = vc.content().getSearchIndex();
            host = vc.call("FindByIp", p -> p.findByIp(searchIndex, null, hostIp, false));
            if (host == null) {
                throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                        "vCenter '" + vc.host() + "' does not manage a host system with IP address " + hostIp);
            }
            ManagedObjectReference computeResource = readOne(vc, host, "HostSystem", "parent")
                    .require("parent", ManagedObjectReference.class);
            pool = readOne(vc, computeResource, computeResource.getType(), "resourcePool")
                    .require("resourcePool", ManagedObjectReference.class);
        }
        if (pool == null || host == null) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "Migration destination must be one host system with a resource pool");
        }
        return "vpxmigr://" + ipv4(vc.host()) + "/" + pool.getValue() + "/" + host.getValue();
    }

    /** {@code domainMigratePerform}: validation and MigrateVM_Task on the vCenter. */
    void perform(EsxDomain d, String uri, String newName, ProgressListener progress) {
        VimSession vc = ctx.vcenter();
        if (vc == null) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "Migration not possible without a vCenter");
        }
        if (newName != null) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "Renaming domains on migration not supported");
        }
        Target t = parse(uri, ipv4(vc.host()));
        WriteContext.VmRef ref = ctx.vcenterOrHostVm(d);
        PrepareForTask.prepare(ref, ctx.autoAnswer(), List.of());
        ManagedObjectReference serviceInstance = io.jvirt.esx.vi.Mor.of("ServiceInstance", "ServiceInstance");
        List<Event> events = vc.call("ValidateMigration",
                p -> p.validateMigration(serviceInstance, List.of(ref.vm()), null, null, t.pool(), t.host()));
        if (events != null && !events.isEmpty()) {
            String message = events.get(0).getFullFormattedMessage();
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    message == null ? "Could not migrate domain, validation reported a problem"
                            : "Could not migrate domain, validation reported a problem: " + message);
        }
        ctx.tasks(vc).run("MigrateVM_Task",
                p -> p.migrateVMTask(ref.vm(), t.pool(), t.host(), VirtualMachineMovePriority.DEFAULT_PRIORITY, null),
                Tasks.Watch.vm(ref.vm(), ctx.autoAnswer()), progress,
                "Could not migrate domain, migration task finished with an error");
    }

    /** The pool and host a vpxmigr:// URI names. */
    record Target(ManagedObjectReference pool, ManagedObjectReference host) {
    }

    /** Parses {@code vpxmigr://<vCenter IP>/<pool>/<host>} for a source whose vCenter has {@code vcenterIp}. */
    static Target parse(String uri, String vcenterIp) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException | NullPointerException e) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "Unable to parse URI '" + uri + "'");
        }
        if (parsed.getScheme() == null || !parsed.getScheme().toLowerCase(Locale.ROOT).equals("vpxmigr")) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "Only vpxmigr:// migration URIs are supported");
        }
        if (parsed.getHost() == null || !parsed.getHost().equalsIgnoreCase(vcenterIp)) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "Migration source and destination have to refer to the same vCenter");
        }
        String path = parsed.getPath() == null ? "" : parsed.getPath();
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        int slash = path.indexOf('/', start);
        String pool = slash < 0 ? path.substring(start) : path.substring(start, slash);
        String host = slash < 0 ? "" : path.substring(slash + 1);
        if (pool.isEmpty() || host.isEmpty()) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "Migration URI has to specify resource pool and host system");
        }
        return new Target(io.jvirt.esx.vi.Mor.of("ResourcePool", pool), io.jvirt.esx.vi.Mor.of("HostSystem", host));
    }

    private static ObjectProps readOne(VimSession s, ManagedObjectReference mor, String type, String path) {
        return PropertyReader.retrieve(s, Specs.filter(Specs.from(mor, false), Specs.props(type, path))).stream()
                .findFirst().orElseThrow(() -> new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                        "Could not read '" + path + "' of " + io.jvirt.esx.vi.Mor.text(mor)));
    }

    /** The IPv4 address of a host name (an IP literal stays as it is). */
    static String ipv4(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (a instanceof Inet4Address) {
                    return a.getHostAddress();
                }
            }
        } catch (UnknownHostException e) {
            throw new HypervisorException(ErrorCode.SYSTEM_ERROR, ErrorDomain.ESX,
                    "IP address lookup for host '" + host + "' failed: " + e.getMessage(), e);
        }
        throw new HypervisorException(ErrorCode.SYSTEM_ERROR, ErrorDomain.ESX, "No IPv4 address for host '" + host + "'");
    }
}
