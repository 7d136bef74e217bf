package io.jvirt.simulator;

import io.jvirt.vim25.ArrayOfPerfCounterInfo;
import io.jvirt.vim25.ElementDescription;
import io.jvirt.vim25.HostHardwareInfo;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.OptionValue;
import io.jvirt.vim25.PerfCounterInfo;
import io.jvirt.vim25.PerfEntityMetric;
import io.jvirt.vim25.PerfEntityMetricBase;
import io.jvirt.vim25.PerfMetricId;
import io.jvirt.vim25.PerfMetricIntSeries;
import io.jvirt.vim25.PerfProviderSummary;
import io.jvirt.vim25.PerfQuerySpec;
import io.jvirt.vim25.PerfSampleInfo;
import io.jvirt.vim25.PerfStatsType;
import io.jvirt.vim25.PerfSummaryType;
import io.jvirt.vim25.VirtualMachineConfigInfo;
import io.jvirt.vim25.VirtualMachinePowerState;
import io.jvirt.vim25.VirtualMachineRuntimeInfo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The PerformanceManager (watch: statistics) and the vCenter OptionManager value that limits it.
 *
 * <p>Counters: the subset jvirt reads, with the keys, names, units, rollup and stats types of
 * the counter tables govmomi's vcsim captured from a real ESX host and a real vCenter
 * ({@code simulator/esx/performance_manager.go}, {@code simulator/vpx/performance_manager.go},
 * govmomi 0.24.2, Apache-2.0): the keys differ between ESX and vCenter, so clients must look
 * them up by name. Published as the PerformanceManager's {@code perfCounter} property.
 *
 * <p>Samples (real-time only, interval {@value #REFRESH} s, the last {@value #REALTIME_SAMPLES},
 * i.e. one hour, like ESX): timestamps fall on 20-second boundaries; a VM has samples only while
 * powered on and only after its {@code runtime.bootTime}; a host always. Every sample of one
 * (entity, counter, instance) has the same deterministic value (see {@link #value}), so a test
 * can derive expected statistics from the raw answer of {@code QueryPerf}. Instances: a VM's
 * virtual disks are named by their VMX device ({@code scsi0:0}), its NICs by their device key
 * ({@code 4000} for {@code ethernet0}), vCPUs by number; {@code ""} is the aggregate.
 *
 * <p>Limits: on vCenter a {@code QueryPerf} asking for more metrics (entities times metric ids,
 * each {@code "*"} counting one) than {@code config.vpxd.stats.maxQueryMetrics} fails with
 * {@code InvalidArgument querySpec.size}, as vCenter does (VMware KB 2107096); the option is
 * readable with {@code QueryOptions} on the OptionManager ({@code ServiceContent.setting}).
 */
final class Performance {
    static final int REFRESH = 20;
    static final int REALTIME_SAMPLES = 180;
    /** The option vCenter limits QueryPerf with. */
    static final String MAX_QUERY_METRICS = "config.vpxd.stats.maxQueryMetrics";

    /** One counter: ESX key, vCenter key, group.name.rollup, unit, stats type, name label. */
    record Counter(int esxKey, int vpxKey, String group, String name, String rollup, String unit, String statsType,
                   String label, boolean vm, boolean host, Kind kind) {
        String fullName() {
            return group + "." + name + "." + rollup;
        }
    }

    /** Which instances a counter has. */
    enum Kind { CPU, NET, DISK }

    static final List<Counter> COUNTERS = List.of(
            new Counter(9, 10, "cpu", "system", "summation", "millisecond", "delta", "System", true, false, Kind.CPU),
            new Counter(12, 14, "cpu", "used", "summation", "millisecond", "delta", "Used", true, true, Kind.CPU),
            new Counter(13, 13, "cpu", "idle", "summation", "millisecond", "delta", "Idle", true, true, Kind.CPU),
            new Counter(16, 388, "cpu", "utilization", "average", "percent", "rate", "Utilization", false, true, Kind.CPU),
            new Counter(196612, 146, "net", "packetsRx", "summation", "number", "delta", "Packets received", true, true, Kind.NET),
            new Counter(196613, 147, "net", "packetsTx", "summation", "number", "delta", "Packets transmitted", true, true, Kind.NET),
            new Counter(196614, 148, "net", "received", "average", "kiloBytesPerSecond", "rate", "Data receive rate", true, true, Kind.NET),
            new Counter(196615, 149, "net", "transmitted", "average", "kiloBytesPerSecond", "rate", "Data transmit rate", true, true, Kind.NET),
            new Counter(196616, 460, "net", "droppedRx", "summation", "number", "delta", "Receive packets dropped", true, true, Kind.NET),
            new Counter(196617, 461, "net", "droppedTx", "summation", "number", "delta", "Transmit packets dropped", true, true, Kind.NET),
            new Counter(196618, 462, "net", "bytesRx", "average", "kiloBytesPerSecond", "rate", "Data receive rate", true, true, Kind.NET),
            new Counter(196619, 463, "net", "bytesTx", "average", "kiloBytesPerSecond", "rate", "Data transmit rate", true, true, Kind.NET),
            new Counter(196624, 468, "net", "errorsRx", "summation", "number", "delta", "Packet receive errors", false, true, Kind.NET),
            new Counter(196625, 469, "net", "errorsTx", "summation", "number", "delta", "Packet transmit errors", false, true, Kind.NET),
            new Counter(589824, 171, "virtualDisk", "numberReadAveraged", "average", "number", "rate", "Average read requests per second", true, false, Kind.DISK),
            new Counter(589825, 172, "virtualDisk", "numberWriteAveraged", "average", "number", "rate", "Average write requests per second", true, false, Kind.DISK),
            new Counter(589826, 173, "virtualDisk", "read", "average", "kiloBytesPerSecond", "rate", "Read rate", true, false, Kind.DISK),
            new Counter(589827, 174, "virtualDisk", "write", "average", "kiloBytesPerSecond", "rate", "Write rate", true, false, Kind.DISK),
            new Counter(589828, 175, "virtualDisk", "totalReadLatency", "average", "millisecond", "absolute", "Read latency", true, false, Kind.DISK),
            new Counter(589829, 176, "virtualDisk", "totalWriteLatency", "average", "millisecond", "absolute", "Write latency", true, false, Kind.DISK));

    private static final Pattern VMX_DISK = Pattern.compile("((?:scsi|ide|sata|nvme)\\d+:\\d+)\\.filename");
    private static final Pattern VMX_NIC = Pattern.compile("ethernet(\\d+)\\.present");

    private final Inventory inventory;
    private final Datastores datastores;
    private final boolean esx;
    private volatile int maxQueryMetrics = 64;

    Performance(Inventory inventory, Datastores datastores, SimulatorModel model) {
        this.inventory = inventory;
        this.datastores = datastores;
        this.esx = model == SimulatorModel.ESX;
    }

    /** Sets vCenter's {@code config.vpxd.stats.maxQueryMetrics} (-1: no limit). */
    void setMaxQueryMetrics(int value) {
        maxQueryMetrics = value;
    }

    /** Publishes {@code perfCounter} on the PerformanceManager and the OptionManager (vCenter). */
    void install(ManagedObjectReference perfManager, ManagedObjectReference setting) {
        ArrayOfPerfCounterInfo counters = new ArrayOfPerfCounterInfo();
        for (Counter c : COUNTERS) {
            counters.getPerfCounterInfo().add(info(c));
        }
        inventory.require(perfManager).set("perfCounter", counters);
        if (setting != null && inventory.find(setting).isEmpty()) {
            inventory.add(new ManagedObject(setting.getType(), setting.getValue()));
        }
    }

    private PerfCounterInfo info(Counter c) {
        PerfCounterInfo i = new PerfCounterInfo();
        i.setKey(esx ? c.esxKey() : c.vpxKey());
        i.setNameInfo(element(c.label(), c.label(), c.name()));
        i.setGroupInfo(element(groupLabel(c.group()), groupLabel(c.group()), c.group()));
        i.setUnitInfo(element(c.unit(), c.unit(), c.unit()));
        i.setRollupType(PerfSummaryType.fromValue(c.rollup()));
        i.setStatsType(PerfStatsType.fromValue(c.statsType()));
        i.setLevel(esx ? 0 : 2);
        i.setPerDeviceLevel(esx ? 0 : 3);
        return i;
    }

    private static String groupLabel(String group) {
        return switch (group) {
            case "cpu" -> "CPU";
            case "net" -> "Network";
            default -> "Virtual disk";
        };
    }

    private static ElementDescription element(String label, String summary, String key) {
        ElementDescription d = new ElementDescription();
        d.setLabel(label);
        d.setSummary(summary);
        d.setKey(key);
        return d;
    }

    /** QueryOptions on the OptionManager: vCenter has the stats limit, an ESX host has none of vpxd's options. */
    List<OptionValue> queryOptions(String name) {
        List<OptionValue> out = new ArrayList<>();
        if (!esx && (name == null || MAX_QUERY_METRICS.startsWith(name))) {
            OptionValue v = new OptionValue();
            v.setKey(MAX_QUERY_METRICS);
            v.setValue(String.valueOf(maxQueryMetrics));
            out.add(v);
        }
        if (out.isEmpty()) {
            throw VimFaults.invalidName(name == null ? "" : name);
        }
        return out;
    }

    /** QueryPerfProviderSummary: real-time statistics for VMs and hosts. */
    PerfProviderSummary providerSummary(ManagedObjectReference entity) {
        return inventory.read(() -> {
            ManagedObject o = inventory.require(entity);
            PerfProviderSummary s = new PerfProviderSummary();
            s.setEntity(o.ref());
            boolean live = "VirtualMachine".equals(o.type()) || "HostSystem".equals(o.type());
            s.setCurrentSupported(live);
            s.setSummarySupported(true);
            s.setRefreshRate(live ? REFRESH : -1);
            return s;
        });
    }

    /** QueryPerf. */
    List<PerfEntityMetricBase> query(List<PerfQuerySpec> specs) {
        if (specs.isEmpty()) {
            throw VimFaults.invalidArgument("querySpec");
        }
        int limit = maxQueryMetrics;
        if (!esx && limit > 0) {
            long metrics = 0;
            for (PerfQuerySpec s : specs) {
                metrics += s.getMetricId().isEmpty() ? COUNTERS.size() : s.getMetricId().size();
            }
            if (metrics > limit) {
                throw VimFaults.invalidArgument("querySpec.size");
            }
        }
        Instant now = Instant.now();
        return inventory.read(() -> {
            List<PerfEntityMetricBase> out = new ArrayList<>();
            for (PerfQuerySpec spec : specs) {
                out.add(query(spec, now));
            }
            return out;
        });
    }

    private PerfEntityMetricBase query(PerfQuerySpec spec, Instant now) {
        if (spec.getEntity() == null) {
            throw VimFaults.invalidArgument("querySpec.entity");
        }
        ManagedObject entity = inventory.require(spec.getEntity());
        boolean vm = "VirtualMachine".equals(entity.type());
        if (!vm && !"HostSystem".equals(entity.type())) {
            throw VimFaults.invalidArgument("querySpec.entity");
        }
        if (spec.getIntervalId() != null && spec.getIntervalId() != REFRESH) {
            throw VimFaults.invalidArgument("querySpec.interval");
        }
        if (spec.getFormat() != null && !"normal".equals(spec.getFormat())) {
            throw VimFaults.notSupported("Only the 'normal' format is simulated");
        }
        PerfEntityMetric metric = new PerfEntityMetric();
        metric.setEntity(entity.ref());
        List<Instant> times = sampleTimes(entity, vm, spec, now);
        for (Instant t : times) {
            PerfSampleInfo info = new PerfSampleInfo();
            info.setTimestamp(Xml.dateTime(t));
            info.setInterval(REFRESH);
            metric.getSampleInfo().add(info);
        }
        if (times.isEmpty()) {
            return metric;
        }
        Instances instances = instances(entity, vm);
        List<PerfMetricId> wanted = spec.getMetricId();
        if (wanted.isEmpty()) {
            wanted = new ArrayList<>();
            for (Counter c : COUNTERS) {
                PerfMetricId id = new PerfMetricId();
                id.setCounterId(esx ? c.esxKey() : c.vpxKey());
                id.setInstance("*");
                wanted.add(id);
            }
        }
        for (PerfMetricId id : wanted) {
            Counter c = counter(id.getCounterId());
            if (c == null) {
                continue; // an unknown counter has no data for this entity, as on a real server
            }
            if (vm ? !c.vm() : !c.host()) {
                continue;
            }
            List<String> all = instances.of(c.kind());
            List<String> chosen = "*".equals(id.getInstance()) ? all
                    : all.contains(id.getInstance() == null ? "" : id.getInstance())
                    ? List.of(id.getInstance() == null ? "" : id.getInstance()) : List.of();
            for (String instance : chosen) {
                PerfMetricIntSeries series = new PerfMetricIntSeries();
                PerfMetricId sid = new PerfMetricId();
                sid.setCounterId(id.getCounterId());
                sid.setInstance(instance);
                series.setId(sid);
                long v = value(entity.value(), c, instance);
                for (int i = 0; i < times.size(); i++) {
                    series.getValue().add(v);
                }
                metric.getValue().add(series);
            }
        }
        return metric;
    }

    private Counter counter(int key) {
        for (Counter c : COUNTERS) {
            if ((esx ? c.esxKey() : c.vpxKey()) == key) {
                return c;
            }
        }
        return null;
    }

    /** Sample timestamps, oldest first, within the spec's (startTime, endTime] and maxSample. */
    private static List<Instant> sampleTimes(ManagedObject entity, boolean vm, PerfQuerySpec spec, Instant now) {
        Instant since = null;
        if (vm) {
            VirtualMachineRuntimeInfo runtime = VmLifecycle.runtime(entity);
            if (runtime.getPowerState() != VirtualMachinePowerState.POWERED_ON || runtime.getBootTime() == null) {
                return List.of();
            }
            since = runtime.getBootTime().toGregorianCalendar().toInstant();
        }
        long last = now.getEpochSecond() / REFRESH * REFRESH;
        List<Instant> out = new ArrayList<>();
        for (int k = REALTIME_SAMPLES - 1; k >= 0; k--) {
            Instant t = Instant.ofEpochSecond(last - (long) k * REFRESH);
            if (since != null && !t.isAfter(since)) {
                continue;
            }
            if (spec.getStartTime() != null && !t.isAfter(spec.getStartTime().toGregorianCalendar().toInstant())) {
                continue;
            }
            if (spec.getEndTime() != null && t.isAfter(spec.getEndTime().toGregorianCalendar().toInstant())) {
                continue;
            }
            out.add(t);
        }
        Integer max = spec.getMaxSample();
        if (max != null && max > 0 && out.size() > max) {
            return out.subList(out.size() - max, out.size());
        }
        return out;
    }

    /** The instances of each kind: "" (aggregate) first. */
    private record Instances(List<String> cpu, List<String> net, List<String> disk) {
        List<String> of(Kind kind) {
            return switch (kind) {
                case CPU -> cpu;
                case NET -> net;
                case DISK -> disk;
            };
        }
    }

    private Instances instances(ManagedObject entity, boolean vm) {
        List<String> cpu = new ArrayList<>(List.of(""));
        List<String> net = new ArrayList<>(List.of(""));
        List<String> disk = new ArrayList<>();
        if (vm) {
            VirtualMachineConfigInfo config = entity.require("config", VirtualMachineConfigInfo.class);
            for (int i = 0; i < config.getHardware().getNumCPU(); i++) {
                cpu.add(String.valueOf(i));
            }
            Map<String, String> vmx = vmx(config);
            for (Map.Entry<String, String> e : vmx.entrySet()) {
                Matcher d = VMX_DISK.matcher(e.getKey());
                if (d.matches() && !vmx.getOrDefault(d.group(1) + ".devicetype", "disk").contains("cdrom")
                        && !"false".equalsIgnoreCase(vmx.getOrDefault(d.group(1) + ".present", "true"))) {
                    disk.add(d.group(1));
                }
                Matcher n = VMX_NIC.matcher(e.getKey());
                if (n.matches() && "true".equalsIgnoreCase(e.getValue())) {
                    net.add(String.valueOf(4000 + Integer.parseInt(n.group(1))));
                }
            }
        } else {
            HostHardwareInfo hw = entity.require("hardware", HostHardwareInfo.class);
            for (int i = 0; i < hw.getCpuInfo().getNumCpuThreads(); i++) {
                cpu.add(String.valueOf(i));
            }
            net.add("vmnic0");
            net.add("vmnic1");
        }
        return new Instances(cpu, net, disk);
    }

    private Map<String, String> vmx(VirtualMachineConfigInfo config) {
        try {
            DatastorePath path = DatastorePath.parse(config.getFiles().getVmPathName());
            return datastores.files(path).read(path.path())
                    .map(f -> VmxText.parse(new String(f.content(), StandardCharsets.UTF_8)))
                    .orElse(Map.of());
        } catch (RuntimeException e) {
            return Map.of(); // a VM whose .vmx is gone has no devices to report
        }
    }

    /**
     * The value of every sample of one metric: 1 to 100 derived from the entity, counter and
     * instance (CRC-32), times 10 for percentages (hundredths of a percent, 0.1 % to 10 %);
     * {@code cpu.system} is a quarter of {@code cpu.used} of the same instance (at least 1).
     */
    static long value(String entity, Counter counter, String instance) {
        if ("cpu".equals(counter.group()) && "system".equals(counter.name())) {
            // system time is part of the used time (VMware: "used" includes the VMkernel's system time)
            return Math.max(1, value(entity, COUNTERS.get(1), instance) / 4);
        }
        CRC32 crc = new CRC32();
        crc.update((entity + "/" + counter.fullName() + "/" + instance).getBytes(StandardCharsets.UTF_8));
        long v = 1 + crc.getValue() % 100;
        return "percent".equals(counter.unit()) ? v * 10 : v;
    }
}
