package io.jvirt.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.xml.ws.developer.JAXWSProperties;
import io.jvirt.vim25.Event;
import io.jvirt.vim25.HostAutoStartManagerConfig;
import io.jvirt.vim25.HostDatastoreBrowserSearchSpec;
import io.jvirt.vim25.HostPortGroupSpec;
import io.jvirt.vim25.HostVirtualSwitchSpec;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ObjectContent;
import io.jvirt.vim25.PropertyFilterSpec;
import io.jvirt.vim25.RetrieveOptions;
import io.jvirt.vim25.RetrieveResult;
import io.jvirt.vim25.ServiceContent;
import io.jvirt.vim25.UpdateSet;
import io.jvirt.vim25.UserSession;
import io.jvirt.vim25.VimPortType;
import io.jvirt.vim25.VirtualDiskSpec;
import io.jvirt.vim25.VirtualMachineConfigSpec;
import io.jvirt.vim25.VirtualMachineMovePriority;
import io.jvirt.vim25.VirtualMachinePowerState;
import io.jvirt.vim25.VirtualMachineRelocateSpec;
import io.jvirt.vim25.WaitOptions;
import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * The SOAP face of the simulator: checks the session, delegates each vSphere method to the
 * service that implements it, and turns simulator faults into vSphere SOAP faults.
 */
@WebService(endpointInterface = "io.jvirt.vim25.VimPortType", serviceName = "VimService", portName = "VimPort",
        targetNamespace = "urn:vim25Service")
public class VimPortImpl implements VimPortType {

    private final SimulatorServices services;

    @Resource
    private WebServiceContext context;

    VimPortImpl(SimulatorServices services) {
        this.services = services;
    }

    // ----- service instance and sessions

    @Override
    public ServiceContent retrieveServiceContent(ManagedObjectReference _this) {
        return services.serviceContent;
    }

    @Override
    public XMLGregorianCalendar currentTime(ManagedObjectReference _this) {
        return Xml.dateTime(Instant.now());
    }

    @Override
    public UserSession login(ManagedObjectReference _this, String userName, String password, String locale) {
        return call(() -> {
            HttpExchange exchange = exchange();
            InetSocketAddress remote = exchange.getRemoteAddress();
            String cookie = SessionCookieFilter.cookie(exchange);
            return services.sessions.login(cookie, userName, password, locale,
                    remote == null ? "127.0.0.1" : remote.getAddress().getHostAddress()).userSession();
        });
    }

    @Override
    public void logout(ManagedObjectReference _this) {
        run(() -> {
            // not findForRequest: a random expiry never hits a Logout
            Session session = services.sessions.find(SessionCookieFilter.cookie(exchange()))
                    .orElseThrow(Sessions::notAuthenticated);
            services.sessions.logout(session);
        });
    }

    @Override
    public boolean sessionIsActive(ManagedObjectReference _this, String sessionID, String userName) {
        return callAuthenticated(() -> services.sessions.isActive(sessionID, userName));
    }

    // ----- property collector and views

    @Override
    public List<ObjectContent> retrieveProperties(ManagedObjectReference _this, List<PropertyFilterSpec> specSet) {
        return call(() -> services.collector.retrieveAll(specSet, readerOf(specSet)));
    }

    @Override
    public RetrieveResult retrievePropertiesEx(ManagedObjectReference _this, List<PropertyFilterSpec> specSet, RetrieveOptions options) {
        return call(() -> services.collector.retrieveFirstPage(specSet, options, readerOf(specSet)));
    }

    @Override
    public RetrieveResult continueRetrievePropertiesEx(ManagedObjectReference _this, String token) {
        return call(() -> services.collector.continuePage(token, authenticated()));
    }

    @Override
    public void cancelRetrievePropertiesEx(ManagedObjectReference _this, String token) {
        run(() -> services.collector.cancel(token, authenticated()));
    }

    @Override
    public ManagedObjectReference createFilter(ManagedObjectReference _this, PropertyFilterSpec spec, boolean partialUpdates) {
        return call(() -> services.filters.create(spec, authenticated()));
    }

    @Override
    public void destroyPropertyFilter(ManagedObjectReference _this) {
        runAuthenticated(() -> services.filters.destroy(_this));
    }

    @Override
    public UpdateSet waitForUpdates(ManagedObjectReference _this, String version) {
        return waitForUpdatesEx(_this, version, null);
    }

    @Override
    public UpdateSet waitForUpdatesEx(ManagedObjectReference _this, String version, WaitOptions options) {
        return call(() -> {
            try {
                return services.filters.waitForUpdates(version, options, authenticated());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw VimFaults.canceled();
            }
        });
    }

    // watch: events and statistics: the EventManager's history of VM power events.
    @Override
    public ManagedObjectReference createCollectorForEvents(ManagedObjectReference _this, io.jvirt.vim25.EventFilterSpec filter) {
        return call(() -> services.history.createCollector(filter, authenticated()));
    }

    @Override
    public void destroyCollector(ManagedObjectReference _this) {
        runAuthenticated(() -> services.history.destroyCollector(_this));
    }

    @Override
    public void cancelWaitForUpdates(ManagedObjectReference _this) {
        run(() -> services.filters.cancelWait(authenticated()));
    }

    @Override
    public ManagedObjectReference createContainerView(ManagedObjectReference _this, ManagedObjectReference container,
                                                      List<String> type, boolean recursive) {
        return callAuthenticated(() -> services.queries.createContainerView(container, type, recursive));
    }

    @Override
    public void destroyView(ManagedObjectReference _this) {
        runAuthenticated(() -> services.queries.destroyView(_this));
    }

    // ----- search index

    @Override
    public ManagedObjectReference findByUuid(ManagedObjectReference _this, ManagedObjectReference datacenter, String uuid,
                                             boolean vmSearch, Boolean instanceUuid) {
        return callAuthenticated(() -> services.queries.findByUuid(datacenter, uuid, vmSearch, instanceUuid));
    }

    @Override
    public ManagedObjectReference findByIp(ManagedObjectReference _this, ManagedObjectReference datacenter, String ip, boolean vmSearch) {
        return callAuthenticated(() -> services.queries.findByIp(datacenter, ip, vmSearch));
    }

    @Override
    public ManagedObjectReference findByInventoryPath(ManagedObjectReference _this, String inventoryPath) {
        return callAuthenticated(() -> services.queries.findByInventoryPath(services.serviceContent.getRootFolder(),
                inventoryPath));
    }

    // ----- virtual machines

    @Override
    public ManagedObjectReference powerOnVMTask(ManagedObjectReference _this, ManagedObjectReference host) {
        return call(() -> services.lifecycle.powerOn(_this, authenticated()));
    }

    @Override
    public ManagedObjectReference powerOffVMTask(ManagedObjectReference _this) {
        return call(() -> services.lifecycle.powerOff(_this, authenticated()));
    }

    @Override
    public ManagedObjectReference suspendVMTask(ManagedObjectReference _this) {
        return call(() -> services.lifecycle.suspend(_this, authenticated()));
    }

    @Override
    public ManagedObjectReference resetVMTask(ManagedObjectReference _this) {
        return call(() -> services.lifecycle.reset(_this, authenticated()));
    }

    @Override
    public void shutdownGuest(ManagedObjectReference _this) {
        runAuthenticated(() -> services.lifecycle.shutdownGuest(_this));
    }

    @Override
    public void rebootGuest(ManagedObjectReference _this) {
        runAuthenticated(() -> services.lifecycle.rebootGuest(_this));
    }

    @Override
    public ManagedObjectReference reconfigVMTask(ManagedObjectReference _this, VirtualMachineConfigSpec spec) {
        return call(() -> services.lifecycle.reconfigure(_this, spec, authenticated()));
    }

    @Override
    public ManagedObjectReference registerVMTask(ManagedObjectReference _this, String path, String name, boolean asTemplate,
                                                 ManagedObjectReference pool, ManagedObjectReference host) {
        return call(() -> services.registration.register(_this, path, name, asTemplate, pool, host, authenticated()));
    }

    @Override
    public void unregisterVM(ManagedObjectReference _this) {
        runAuthenticated(() -> services.lifecycle.unregister(_this));
    }

    @Override
    public void answerVM(ManagedObjectReference _this, String questionId, String answerChoice) {
        runAuthenticated(() -> services.questions.answer(services.lifecycle.vm(_this), questionId, answerChoice));
    }

    @Override
    public void cancelTask(ManagedObjectReference _this) {
        runAuthenticated(() -> services.tasks.cancel(_this));
    }

    @Override
    public ManagedObjectReference createSnapshotTask(ManagedObjectReference _this, String name, String description,
                                                     boolean memory, boolean quiesce) {
        return call(() -> services.snapshots.create(_this, name, description, memory, quiesce, authenticated()));
    }

    @Override
    public ManagedObjectReference revertToSnapshotTask(ManagedObjectReference _this, ManagedObjectReference host,
                                                       Boolean suppressPowerOn) {
        return call(() -> services.snapshots.revert(_this, suppressPowerOn, authenticated()));
    }

    @Override
    public ManagedObjectReference removeSnapshotTask(ManagedObjectReference _this, boolean removeChildren, Boolean consolidate) {
        return call(() -> services.snapshots.remove(_this, removeChildren, authenticated()));
    }

    @Override
    public ManagedObjectReference migrateVMTask(ManagedObjectReference _this, ManagedObjectReference pool,
                                                ManagedObjectReference host, VirtualMachineMovePriority priority,
                                                VirtualMachinePowerState state) {
        return call(() -> services.migration.migrate(_this, pool, host, state, authenticated()));
    }

    @Override
    public ManagedObjectReference relocateVMTask(ManagedObjectReference _this, VirtualMachineRelocateSpec spec,
                                                 VirtualMachineMovePriority priority) {
        return call(() -> services.migration.relocate(_this, spec, authenticated()));
    }

    @Override
    public List<Event> validateMigration(ManagedObjectReference _this, List<ManagedObjectReference> vm,
                                         VirtualMachinePowerState state, List<String> testType,
                                         ManagedObjectReference pool, ManagedObjectReference host) {
        return callAuthenticated(() -> services.migration.validate(vm, state, pool, host));
    }

    @Override
    public void reconfigureAutostart(ManagedObjectReference _this, HostAutoStartManagerConfig spec) {
        runAuthenticated(() -> services.autoStart.reconfigure(_this, spec));
    }

    // ----- datastores and disks

    @Override
    public ManagedObjectReference searchDatastoreTask(ManagedObjectReference _this, String datastorePath,
                                                      HostDatastoreBrowserSearchSpec searchSpec) {
        return call(() -> services.browser.search(services.inventory.require(_this, "HostDatastoreBrowser"), datastorePath,
                searchSpec, authenticated()));
    }

    @Override
    public ManagedObjectReference searchDatastoreSubFoldersTask(ManagedObjectReference _this, String datastorePath,
                                                                HostDatastoreBrowserSearchSpec searchSpec) {
        return call(() -> services.browser.searchSubFolders(services.inventory.require(_this, "HostDatastoreBrowser"),
                datastorePath, searchSpec, authenticated()));
    }

    @Override
    public void makeDirectory(ManagedObjectReference _this, String name, ManagedObjectReference datacenter,
                              Boolean createParentDirectories) {
        runAuthenticated(() -> services.fileManager.makeDirectory(name, createParentDirectories));
    }

    @Override
    public ManagedObjectReference deleteDatastoreFileTask(ManagedObjectReference _this, String name, ManagedObjectReference datacenter) {
        return call(() -> services.fileManager.delete(services.inventory.require(_this, "FileManager"), name, authenticated()));
    }

    @Override
    public ManagedObjectReference createVirtualDiskTask(ManagedObjectReference _this, String name, ManagedObjectReference datacenter,
                                                        VirtualDiskSpec spec) {
        return call(() -> services.disks.create(diskManager(_this), name, spec, authenticated()));
    }

    @Override
    public ManagedObjectReference copyVirtualDiskTask(ManagedObjectReference _this, String sourceName,
                                                      ManagedObjectReference sourceDatacenter, String destName,
                                                      ManagedObjectReference destDatacenter, VirtualDiskSpec destSpec, Boolean force) {
        return call(() -> services.disks.copy(diskManager(_this), sourceName, destName, force, authenticated()));
    }

    @Override
    public ManagedObjectReference deleteVirtualDiskTask(ManagedObjectReference _this, String name, ManagedObjectReference datacenter) {
        return call(() -> services.disks.delete(diskManager(_this), name, authenticated()));
    }

    @Override
    public ManagedObjectReference zeroFillVirtualDiskTask(ManagedObjectReference _this, String name, ManagedObjectReference datacenter) {
        return call(() -> services.disks.zeroFill(diskManager(_this), name, authenticated()));
    }

    @Override
    public String queryVirtualDiskUuid(ManagedObjectReference _this, String name, ManagedObjectReference datacenter) {
        return call(() -> {
            authenticated();
            diskManager(_this);
            return services.disks.queryUuid(name);
        });
    }

    @Override
    public void refreshDatastore(ManagedObjectReference _this) {
        runAuthenticated(() -> services.datastores.refresh(_this));
    }

    // ----- host network and storage

    @Override
    public void addVirtualSwitch(ManagedObjectReference _this, String vswitchName, HostVirtualSwitchSpec spec) {
        runAuthenticated(() -> services.network.addVirtualSwitch(_this, vswitchName, spec));
    }

    @Override
    public void removeVirtualSwitch(ManagedObjectReference _this, String vswitchName) {
        runAuthenticated(() -> services.network.removeVirtualSwitch(_this, vswitchName));
    }

    @Override
    public void addPortGroup(ManagedObjectReference _this, HostPortGroupSpec portgrp) {
        runAuthenticated(() -> services.network.addPortGroup(_this, portgrp));
    }

    @Override
    public void removePortGroup(ManagedObjectReference _this, String pgName) {
        runAuthenticated(() -> services.network.removePortGroup(_this, pgName));
    }

    @Override
    public void rescanHba(ManagedObjectReference _this, String hbaDevice) {
        runAuthenticated(() -> services.storage.rescanHba(_this, hbaDevice));
    }

    // ----- plumbing

    private ManagedObject diskManager(ManagedObjectReference ref) {
        return services.inventory.require(ref, "VirtualDiskManager");
    }

    /** Unauthenticated callers may only read the SessionManager (to see that they have no session). */
    private Caller readerOf(List<PropertyFilterSpec> specs) {
        Caller caller = caller();
        if (caller.authenticated()) {
            return caller;
        }
        boolean onlySessionManager = specs.stream().flatMap(s -> s.getObjectSet().stream())
                .allMatch(o -> o.getObj() != null && "SessionManager".equals(o.getObj().getType()));
        if (!onlySessionManager) {
            throw Sessions.notAuthenticated();
        }
        return caller;
    }

    private Caller authenticated() {
        Caller caller = caller();
        if (!caller.authenticated()) {
            throw Sessions.notAuthenticated();
        }
        return caller;
    }

    private Caller caller() {
        String cookie = SessionCookieFilter.cookie(exchange());
        return new Caller(services.sessions.findForRequest(cookie).orElse(null));
    }

    private HttpExchange exchange() {
        return (HttpExchange) context.getMessageContext().get(JAXWSProperties.HTTP_EXCHANGE);
    }

    private static <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (VimFaultException e) {
            throw SoapFaults.toSoapFault(e);
        }
    }

    private static void run(Runnable body) {
        call(() -> {
            body.run();
            return null;
        });
    }

    /** {@link #call} for a request that needs a logged-in session (NotAuthenticated otherwise). */
    private <T> T callAuthenticated(Supplier<T> body) {
        return call(() -> {
            authenticated();
            return body.get();
        });
    }

    /** {@link #run} for a request that needs a logged-in session (NotAuthenticated otherwise). */
    private void runAuthenticated(Runnable body) {
        run(() -> {
            authenticated();
            body.run();
        });
    }
}
