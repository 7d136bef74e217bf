package io.jvirt.simulator;

import io.jvirt.vim25.ServiceContent;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/** Wires the inventory and the services that act on it; one instance per simulator. */
final class SimulatorServices {

    final SimulatorModel model;
    final Inventory inventory = new Inventory();
    final IdStyle ids;
    final Sessions sessions;
    final RequestCounter counter = new RequestCounter();
    final FaultInjector faults = new FaultInjector();
    final PropertyCollector collector;
    final PropertyFilters filters;
    final Questions questions;
    final Tasks tasks;
    final Datastores datastores;
    final VirtualDisks disks;
    final DatastoreBrowser browser;
    final FileManager fileManager;
    final VmLifecycle lifecycle;
    final EventHistory history;
    final VmRegistration registration;
    final Snapshots snapshots;
    final Migration migration;
    final AutoStart autoStart;
    final HostNetwork network;
    final HostStorage storage;
    final InventoryQueries queries;
    final ServiceContent serviceContent;
    final AtomicReference<Duration> taskDuration;

    SimulatorServices(SimulatorModel model, String username, String password, int vmCount, int clusterHosts,
                      boolean nestedFolders, int pageSize, Duration taskDuration, ScheduledExecutorService executor) {
        this.model = model;
        this.ids = new IdStyle(model == SimulatorModel.ESX, inventory);
        this.sessions = new Sessions(username, password);
        this.collector = new PropertyCollector(inventory, pageSize);
        this.sessions.onEnd(collector::sessionEnded);
        this.filters = new PropertyFilters(inventory, collector);
        this.questions = new Questions(inventory);
        this.taskDuration = new AtomicReference<>(taskDuration);
        this.tasks = new Tasks(inventory, questions, executor, this.taskDuration::get, model == SimulatorModel.ESX);
        this.datastores = new Datastores(inventory);
        this.disks = new VirtualDisks(inventory, datastores, tasks);
        this.browser = new DatastoreBrowser(datastores, disks, tasks);
        this.fileManager = new FileManager(inventory, datastores, tasks);
        this.history = new EventHistory(inventory);
        this.lifecycle = new VmLifecycle(inventory, tasks, datastores, executor, history);
        this.snapshots = new Snapshots(inventory, tasks, ids);
        this.migration = new Migration(inventory, tasks, model == SimulatorModel.VPX);
        this.autoStart = new AutoStart(inventory);
        this.network = new HostNetwork(inventory, ids);
        this.storage = new HostStorage(inventory);
        this.queries = new InventoryQueries(inventory);
        InventoryBuilder builder = new InventoryBuilder(inventory, ids, model, network);
        this.serviceContent = inventory.write(() -> builder.build(vmCount, clusterHosts, nestedFolders));
        this.registration = new VmRegistration(inventory, datastores, builder.vmFactory(), tasks);
    }
}
