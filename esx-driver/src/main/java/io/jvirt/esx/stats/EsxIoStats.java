package io.jvirt.esx.stats;

import io.jvirt.esx.domain.DomainIoStats;
import io.jvirt.esx.domain.EsxDomain;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.TypedParameter;
import io.jvirt.spi.InterfaceStats;
import io.jvirt.spi.stats.StatsFields;
import io.jvirt.spi.stats.StatsParams;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.DomainXml;
import io.jvirt.vim25.VirtualEthernetCard;
import io.jvirt.vim25.VirtualMachinePowerState;

import javax.xml.datatype.XMLGregorianCalendar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code domblkstat} and {@code domifstat} of one VM: one {@code RetrievePropertiesEx}
 * (power state, boot time, devices) and one {@code QueryPerf}, plus the {@code .vmx} download
 * for a disk (its target name and address come from the domain XML). Values as
 * {@link IoCounters} maps them.
 */
public final class EsxIoStats implements DomainIoStats {
    private final VimSession session;
    private final PerfServer server;

    public EsxIoStats(VimSession session, PerfServer server) {
        this.session = session;
        this.server = server;
    }

    @Override
    public List<TypedParameter> blockStats(EsxDomain domain, String disk) {
        if (disk == null || disk.isEmpty()) {
            throw new HypervisorException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.ESX,
                    "summary statistics are not supported yet");
        }
        DiskDef found = null;
        for (DiskDef d : DomainXml.parse(domain.xmlDesc()).devices().disks()) {
            if (disk.equals(d.targetDev()) || disk.equals(d.source())) {
                found = d;
            }
        }
        if (found == null) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "invalid path: " + disk);
        }
        String instance = IoCounters.diskInstance(found);
        if (instance == null) {
            throw new HypervisorException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.ESX,
                    "vSphere keeps no statistics for disk '" + disk + "' on bus " + found.targetBus());
        }
        PerfReader.Samples s = samples(domain, IoCounters.DISK);
        if (s.of(IoCounters.DISK_READS, instance) == null) {
            throw new HypervisorException(ErrorCode.OPERATION_FAILED, ErrorDomain.ESX,
                    "Server '" + session.host() + "' has no statistics for disk '" + disk + "' (" + instance
                            + ") of domain '" + domain.name() + "' yet (the first sample follows 20 s after power-on)");
        }
        StatsParams.BlockIo io = IoCounters.disk(s, instance);
        List<TypedParameter> out = new ArrayList<>();
        add(out, StatsFields.BLOCK_READ_REQ, io.rdReqs());
        add(out, StatsFields.BLOCK_READ_BYTES, io.rdBytes());
        add(out, StatsFields.BLOCK_WRITE_REQ, io.wrReqs());
        add(out, StatsFields.BLOCK_WRITE_BYTES, io.wrBytes());
        add(out, StatsFields.BLOCK_READ_TOTAL_TIMES, io.rdTimes());
        add(out, StatsFields.BLOCK_WRITE_TOTAL_TIMES, io.wrTimes());
        return out;
    }

    private static void add(List<TypedParameter> out, String name, long value) {
        if (value >= 0) {
            out.add(TypedParameter.ofLong(name, value));
        }
    }

    @Override
    public InterfaceStats interfaceStats(EsxDomain domain, String device) {
        ObjectProps vm = vm(domain);
        VirtualEthernetCard nic = null;
        for (VirtualEthernetCard n : DomainStatsReader.nics(vm)) {
            if (n.getMacAddress() != null && n.getMacAddress().equalsIgnoreCase(device)) {
                nic = n;
            }
        }
        if (nic == null) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "'" + device + "' is not a known interface (name interfaces of ESX domains by MAC address)");
        }
        PerfReader.Samples s = read(domain, vm, IoCounters.NET);
        String instance = String.valueOf(nic.getKey());
        if (s.of(IoCounters.NET_BYTES_RX, instance) == null) {
            throw new HypervisorException(ErrorCode.OPERATION_FAILED, ErrorDomain.ESX,
                    "Server '" + session.host() + "' has no statistics for interface " + device.toLowerCase(Locale.ROOT)
                            + " of domain '" + domain.name() + "' yet (the first sample follows 20 s after power-on)");
        }
        return IoCounters.nic(s, instance);
    }

    private ObjectProps vm(EsxDomain domain) {
        List<ObjectProps> found = PropertyReader.retrieve(session, Specs.filter(Specs.from(domain.mor(), false),
                Specs.props("VirtualMachine", "runtime.powerState", "runtime.bootTime", DomainStatsReader.DEVICES)));
        if (found.isEmpty()) {
            throw new HypervisorException(ErrorCode.NO_DOMAIN, ErrorDomain.ESX,
                    "Domain '" + domain.name() + "' no longer exists");
        }
        return found.get(0);
    }

    private PerfReader.Samples samples(EsxDomain domain, List<PerfReader.Metric> metrics) {
        return read(domain, vm(domain), metrics);
    }

    private PerfReader.Samples read(EsxDomain domain, ObjectProps vm, List<PerfReader.Metric> metrics) {
        Object power = vm.get("runtime.powerState").orElse(null);
        if (power != VirtualMachinePowerState.POWERED_ON) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX,
                    "Requested operation is not valid: domain is not running");
        }
        Map<String, PerfReader.Samples> all = new PerfReader(session, server).read(List.of(new PerfReader.Target(
                domain.mor(), vm.get("runtime.bootTime", XMLGregorianCalendar.class).orElse(null))), metrics);
        return all.getOrDefault(domain.mor().getValue(), PerfReader.Samples.NONE);
    }
}
