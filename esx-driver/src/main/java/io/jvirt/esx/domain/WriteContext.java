package io.jvirt.esx.domain;

import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.Tasks;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.Connection;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.ManagedObjectReference;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the write operations of the domain sub-driver need from their connection.
 *
 * @param connection        the connection the domains belong to
 * @param primary           the primary session (host, or the vCenter of a {@code vpx://} URI)
 * @param vcenter           the vCenter session ({@code vpx://}: same as primary; {@code esx://?vcenter=}:
 *                          a second session), or null
 * @param scope             the inventory scope of the primary session
 * @param autoAnswer        the {@code auto_answer} URI parameter
 * @param autoStartManagers host MOR value to its HostAutoStartManager
 * @param taskTimeout       the longest wait for one vSphere task
 * @param reads             the read side (lookups)
 */
public record WriteContext(Connection connection, VimSession primary, VimSession vcenter, InventoryScope scope,
                           boolean autoAnswer, Map<String, ManagedObjectReference> autoStartManagers,
                           Duration taskTimeout, DomainDriver reads) {

    public WriteContext {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(scope, "scope");
        autoStartManagers = Map.copyOf(autoStartManagers);
        Objects.requireNonNull(taskTimeout, "taskTimeout");
        Objects.requireNonNull(reads, "reads");
    }

    /** The task waiter of a session. */
    public Tasks tasks(VimSession session) {
        return new Tasks(session, taskTimeout, Tasks.DEFAULT_MAX_POLL);
    }

    /** A VM as seen through one session. */
    public record VmRef(VimSession session, ManagedObjectReference vm) {
    }

    /** The domain's VM on the primary session (the handle's own MOR). */
    public VmRef primaryVm(EsxDomain d) {
        return new VmRef(primary, d.mor());
    }

    /**
     * The session Destroy and Undefine use (esx-spec 2.0): the vCenter if there is one, else the
     * host. With {@code esx://?vcenter=} the VM has another MOR on the vCenter, found by UUID.
     */
    VmRef vcenterOrHostVm(EsxDomain d) {
        if (vcenter == null || vcenter == primary) {
            return primaryVm(d);
        }
        return new VmRef(vcenter, findByUuid(vcenter, null, d));
    }

    /** The VM's MOR on {@code session} via FindByUuid; {@code NO_DOMAIN} when absent. */
    static ManagedObjectReference findByUuid(VimSession session, ManagedObjectReference datacenter, EsxDomain d) {
        ManagedObjectReference searchIndex = session.content().getSearchIndex();
        ManagedObjectReference vm = session.call("FindByUuid",
                p -> p.findByUuid(searchIndex, datacenter, d.uuid().toString(), true, null));
        if (vm == null) {
            throw new HypervisorException(ErrorCode.NO_DOMAIN, ErrorDomain.ESX,
                    "Could not find domain with UUID '" + d.uuid() + "'");
        }
        return vm;
    }

    /** Properties of one VM (one request); a vanished VM is {@code NO_DOMAIN}. */
    public static io.jvirt.esx.vi.ObjectProps read(VmRef ref, List<String> paths) {
        List<io.jvirt.esx.vi.ObjectProps> result = PropertyReader.retrieve(ref.session(),
                Specs.filter(Specs.from(ref.vm(), false), Specs.props("VirtualMachine", paths)));
        if (result.isEmpty()) {
            throw new HypervisorException(ErrorCode.NO_DOMAIN, ErrorDomain.ESX, "Domain (VirtualMachine '"
                    + ref.vm().getValue() + "') no longer exists on '" + ref.session().host() + "'");
        }
        return result.get(0);
    }

    @Override
    public String toString() {
        return "WriteContext[" + primary.host() + ", vcenter=" + (vcenter == null ? "none" : vcenter.host())
                + ", autoAnswer=" + autoAnswer + "]";
    }
}
