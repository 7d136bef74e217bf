package io.jvirt.simulator;

import io.jvirt.vim25.HostRuntimeInfo;
import io.jvirt.vim25.VirtualMachineRuntimeInfo;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-JVM vSphere server for tests and {@code jvirsh --sim}: the vim25 SOAP API at
 * {@code /sdk}, the datastore file service at {@code /folder} and screenshots at {@code /screen}, over an in-memory ESX host or
 * vCenter inventory that keeps its state for the simulator's life.
 *
 * <pre>{@code
 * try (VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(2).tls(true).build().start()) {
 *     URI sdk = sim.sdkUrl();              // https://127.0.0.1:<port>/sdk
 *     sim.faults().httpStatus("RetrievePropertiesEx", 503);
 *     sim.raiseQuestionOnNextTask("ha-host_VM1", VmQuestion.movedOrCopied());
 *     long calls = sim.requestCount("RetrievePropertiesEx");
 * }
 * }</pre>
 */
public final class VsphereSimulator implements AutoCloseable {

    private final Builder config;
    private ExecutorService httpExecutor;
    private ScheduledExecutorService taskExecutor;
    private SimulatorServices services;
    private SimulatorServer server;

    private VsphereSimulator(Builder config) {
        this.config = config;
    }

    /**
     * The password of a simulator built without {@link Builder#credentials}: distinctive, so that
     * tests can search every output (logs, SOAP traces, exception texts) for it.
     */
    public static final String DEFAULT_PASSWORD = "Sim-Pw-7f3a9c";

    public static Builder builder() {
        return new Builder();
    }

    /** Builds the inventory and starts serving on a loopback port. */
    public synchronized VsphereSimulator start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        httpExecutor = Executors.newCachedThreadPool(daemonThreads("vsphere-sim-http"));
        taskExecutor = Executors.newScheduledThreadPool(2, daemonThreads("vsphere-sim-task"));
        services = new SimulatorServices(config.model, config.username, config.password, config.vms, config.clusterHosts,
                config.nestedFolders, config.pageSize, config.taskDuration, taskExecutor);
        if (config.vcenter8Storage) {
            Vcenter8Storage.add(services, datacenterName());
        }
        services.history.setEnabled(config.eventHistory);
        server = new SimulatorServer(services, config.tls ? config.tlsMaterial : null, config.port,
                config.requireSessionForFiles, config.username, config.password, httpExecutor);
        return this;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (taskExecutor != null) {
            taskExecutor.shutdownNow();
        }
        if (httpExecutor != null) {
            httpExecutor.shutdownNow();
        }
    }

    // ----- where and who

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return running().port();
    }

    /** {@code http(s)://127.0.0.1:<port>} */
    public URI baseUrl() {
        return URI.create((config.tls ? "https" : "http") + "://" + host() + ":" + port());
    }

    /** {@code http(s)://127.0.0.1:<port>/sdk} */
    public URI sdkUrl() {
        return baseUrl().resolve("/sdk");
    }

    public SimulatorModel model() {
        return config.model;
    }

    public boolean tls() {
        return config.tls;
    }

    /** The TLS identity served (also when TLS is off, for symmetry). */
    public TlsMaterial tlsMaterial() {
        return config.tlsMaterial;
    }

    public String username() {
        return config.username;
    }

    public String password() {
        return config.password;
    }

    /** The datacenter's name: {@code ha-datacenter} (ESX) or {@code DC0} (vCenter). */
    public String datacenterName() {
        return config.model == SimulatorModel.ESX ? "ha-datacenter" : "DC0";
    }

    // ----- control

    public FaultInjector faults() {
        return state().faults;
    }

    /**
     * Ends every session now: each client's next call fails with NotAuthenticated and must log in
     * again. Returns how many logged-in sessions ended (each counts in {@link #expiredSessions()}).
     */
    public int expireSessions() {
        return state().sessions.expireAll();
    }

    /**
     * Makes sessions expire at random: before each SOAP request of a logged-in session is served,
     * the session ends with this probability (the request then fails with NotAuthenticated, as
     * after a server-side timeout). Logout requests are never hit. {@code 0} turns it off; the
     * seed makes a run repeatable for a given request order.
     */
    public void expireSessionsAtRandom(double probabilityPerRequest, long seed) {
        state().sessions.expireAtRandom(probabilityPerRequest, seed);
    }

    /** Logged-in sessions that have neither logged out nor expired. */
    public int activeSessions() {
        return state().sessions.activeCount();
    }

    /** Successful Login requests so far. */
    public long logins() {
        return state().sessions.logins();
    }

    /** Login requests refused for a wrong user name or password so far. */
    public long failedLogins() {
        return state().sessions.failedLogins();
    }

    /** Logout requests that ended a session so far. */
    public long logouts() {
        return state().sessions.logouts();
    }

    /** Sessions ended by {@link #expireSessions()} or {@link #expireSessionsAtRandom} so far. */
    public long expiredSessions() {
        return state().sessions.expiries();
    }

    /**
     * Property-collector continuation tokens handed out and neither read to the end nor
     * cancelled (pages of a session that ended are dropped with it).
     */
    public int pendingPropertyPages() {
        return state().collector.pendingTokens();
    }

    /** Requests seen for a SOAP method (e.g. "RetrievePropertiesEx") or file verb ("GET /folder", "PUT /folder"). */
    public long requestCount(String method) {
        return state().counter.get(method);
    }

    public Map<String, Long> requestCounts() {
        return state().counter.snapshot();
    }

    public long totalRequests() {
        return state().counter.total();
    }

    public void resetRequestCounts() {
        state().counter.reset();
    }

    /** How long each task runs from now on (progress is reported in quarters). */
    public void setTaskDuration(Duration duration) {
        state().taskDuration.set(Objects.requireNonNull(duration));
    }

    /** Makes the VM ask a question now ({@code runtime.question}). */
    public void raiseQuestion(String vmName, VmQuestion question) {
        state().questions.raiseNow(vm(vmName), question);
    }

    /** The VM's next task raises the question and blocks until AnswerVM (or CancelTask). */
    public void raiseQuestionOnNextTask(String vmName, VmQuestion question) {
        state().questions.armForNextTask(vm(vmName), question);
    }

    /** The choice key of the last AnswerVM for this VM. */
    public Optional<String> lastAnswer(String vmName) {
        return state().questions.lastAnswer(vm(vmName));
    }

    /** Whether VMware Tools run in the guest (ShutdownGuest/RebootGuest fail with ToolsUnavailable otherwise). */
    public void setToolsRunning(String vmName, boolean running) {
        ManagedObject vm = vm(vmName);
        state().inventory.write(() -> {
            vm.setInternal("toolsInstalled", running);
        });
    }

    public void setHostMaintenanceMode(String hostName, boolean inMaintenance) {
        ManagedObject host = state().inventory.byName("HostSystem", hostName)
                .orElseThrow(() -> new IllegalArgumentException("no host " + hostName));
        state().inventory.write(() -> host.require("runtime", HostRuntimeInfo.class).setInMaintenanceMode(inMaintenance));
    }

    /** The vCenter address a host reports in {@code summary.managementServerIp} (null: not managed). */
    public void setManagementServerIp(String hostName, String ip) {
        ManagedObject host = state().inventory.byName("HostSystem", hostName)
                .orElseThrow(() -> new IllegalArgumentException("no host " + hostName));
        state().inventory.write(() -> {
            host.setInternal("managementServerIp", ip);
        });
    }

    public List<String> vmNames() {
        return state().inventory.read(() -> state().inventory.ofType("VirtualMachine").stream()
                .map(vm -> String.valueOf(vm.get("name"))).toList());
    }

    /** The VM's {@code runtime.powerState} value ("poweredOn", "poweredOff", "suspended"). */
    public String powerState(String vmName) {
        ManagedObject vm = vm(vmName);
        return state().inventory.read(() -> vm.require("runtime", VirtualMachineRuntimeInfo.class).getPowerState().value());
    }

    public Optional<byte[]> datastoreFile(String datastore, String path) {
        return state().inventory.read(() -> state().datastores.files(datastore).read(path).map(DatastoreFiles.StoredFile::content));
    }

    /** Writes a file on a datastore, creating its directories. */
    public void putDatastoreFile(String datastore, String path, byte[] content) {
        state().inventory.write(() -> {
            DatastoreFiles files = state().datastores.files(datastore);
            files.makeDirectories(DatastoreFiles.parentOf(DatastorePath.normalize(path)));
            files.write(path, content);
        });
    }

    public int zeroFillCount() {
        return state().disks.zeroFillCount();
    }

    public int hbaRescanCount() {
        return state().storage.rescanCount();
    }

    private ManagedObject vm(String name) {
        return state().inventory.byName("VirtualMachine", name).orElseThrow(() -> new IllegalArgumentException("no VM " + name));
    }

    private SimulatorServices state() {
        if (services == null) {
            throw new IllegalStateException("not started");
        }
        return services;
    }

    private SimulatorServer running() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of a simulator; defaults: ESX, 2 VMs, 2 cluster hosts (VPX), plain HTTP, root/password. */
    public static final class Builder {
        private SimulatorModel model = SimulatorModel.ESX;
        private int vms = 2;
        private int clusterHosts = 2;
        private boolean nestedFolders;
        private boolean tls;
        private TlsMaterial tlsMaterial = TlsMaterial.selfSigned();
        private String username = "root";
        private String password = DEFAULT_PASSWORD;
        private int pageSize;
        private Duration taskDuration = Duration.ZERO;
        private boolean requireSessionForFiles = true;
        private boolean vcenter8Storage;
        private boolean eventHistory = true;
        private int port;

        private Builder() {
        }

        public Builder model(SimulatorModel value) {
            this.model = Objects.requireNonNull(value);
            return this;
        }

        /** VMs per host group: ESX gets {@code n} VMs; vCenter gets {@code n} on DC0_H0 and {@code n} in DC0_C0. */
        public Builder vms(int count) {
            this.vms = count;
            return this;
        }

        /** Hosts in the vCenter cluster DC0_C0. */
        public Builder clusterHosts(int count) {
            this.clusterHosts = count;
            return this;
        }

        /**
         * vCenter only: also build folder F0 holding datacenter DC1, whose host folder F1 holds the
         * standalone host DC1_H0 (inventory path {@code F0/DC1/F1/DC1_H0}).
         */
        public Builder nestedFolders(boolean enabled) {
            this.nestedFolders = enabled;
            return this;
        }

        public Builder tls(boolean enabled) {
            this.tls = enabled;
            return this;
        }

        /** Serve HTTPS with this identity (implies TLS). */
        public Builder tls(TlsMaterial material) {
            this.tls = true;
            this.tlsMaterial = Objects.requireNonNull(material);
            return this;
        }

        public Builder credentials(String user, String pass) {
            this.username = Objects.requireNonNull(user);
            this.password = Objects.requireNonNull(pass);
            return this;
        }

        /** Objects per RetrievePropertiesEx page when the client sets no maxObjects (0 = all). */
        public Builder pageSize(int objects) {
            this.pageSize = objects;
            return this;
        }

        public Builder taskDuration(Duration duration) {
            this.taskDuration = Objects.requireNonNull(duration);
            return this;
        }

        /** Whether {@code /folder} requires a logged-in session cookie (default true, like ESX). */
        public Builder requireSessionForFiles(boolean required) {
            this.requireSessionForFiles = required;
            return this;
        }

        /**
         * Also serve vCenter 8 storage in the datacenter: vSAN, vVol and PMem datastores and one
         * of a kind no vSphere release has ({@code future-ds}); see {@code Vcenter8Storage}.
         */
        public Builder vcenter8Storage(boolean enabled) {
            this.vcenter8Storage = enabled;
            return this;
        }

        /** Whether the EventManager keeps an event history (default true, like ESX and vCenter). */
        public Builder eventHistory(boolean kept) {
            this.eventHistory = kept;
            return this;
        }

        /** A fixed loopback port (default 0: a free port). */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public VsphereSimulator build() {
            return new VsphereSimulator(this);
        }
    }
}
