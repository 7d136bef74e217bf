package io.jvirt.esx.iface;

import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.Connection;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.HostInterface;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.PhysicalNic;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The interface sub-driver (esx-spec 2.13): the host's physical NICs ({@code config.network.pnic},
 * one request per call), always active, read-only.
 */
public final class InterfaceDriver {
    static final String PNIC = "config.network.pnic";

    private final Connection connection;
    private final VimSession session;
    private final InventoryScope scope;

    public InterfaceDriver(Connection connection, VimSession session, InventoryScope scope) {
        this.connection = connection;
        this.session = session;
        this.scope = scope;
    }

    private List<PhysicalNic> pnics() {
        if (scope.hostSystem() == null) {
            return List.of();
        }
        List<ObjectProps> hosts = PropertyReader.retrieve(session,
                Specs.filter(Specs.from(scope.hostSystem(), false), Specs.props("HostSystem", PNIC)));
        return hosts.isEmpty() ? List.of() : hosts.get(0).list(PNIC, PhysicalNic.class);
    }

    private EsxHostInterface handle(PhysicalNic nic) {
        return new EsxHostInterface(this, nic.getDevice(), nic.getMac() == null ? "" : nic.getMac().toLowerCase(Locale.ROOT));
    }

    Connection connection() {
        return connection;
    }

    public List<HostInterface> listAll() {
        return pnics().stream().map(n -> (HostInterface) handle(n)).toList();
    }

    /**
     * By device name ({@code vmnic0}). libvirt 9.0 compares the given name with the NICs' MAC
     * addresses instead (esx-spec 7.2 #1), so it never finds a NIC by its name: that is a bug we
     * do not copy.
     */
    public HostInterface lookupByName(String name) {
        if (name == null || name.isEmpty()) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "No interface name given");
        }
        return find(n -> name.equals(n.getDevice())).map(this::handle).orElseThrow(() -> HypervisorException.of(
                ErrorCode.NO_INTERFACE, ErrorDomain.ESX, "Could not find physical NIC with name '%s'", name));
    }

    /** By MAC address, compared case-insensitively. */
    public HostInterface lookupByMac(String mac) {
        if (mac == null || mac.isEmpty()) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "No MAC address given");
        }
        return find(n -> mac.equalsIgnoreCase(n.getMac())).map(this::handle).orElseThrow(() -> HypervisorException.of(
                ErrorCode.NO_INTERFACE, ErrorDomain.ESX, "Could not find physical NIC with MAC address '%s'", mac));
    }

    private Optional<PhysicalNic> find(Predicate<PhysicalNic> test) {
        return pnics().stream().filter(test).findFirst();
    }

    String xmlDesc(EsxHostInterface i, boolean inactive) {
        PhysicalNic nic = find(n -> i.name().equals(n.getDevice())).orElseThrow(() -> HypervisorException.of(
                ErrorCode.NO_INTERFACE, ErrorDomain.ESX, "Could not find physical NIC with name '%s'", i.name()));
        return InterfaceXml.format(nic, inactive);
    }
}
