package io.jvirt.simulator;

import io.jvirt.vim25.AboutInfo;
import io.jvirt.vim25.ServiceContent;

/** The ServiceContent and product description of the simulated ESX host or vCenter. */
final class ServiceObjects {

    private ServiceObjects() {
    }

    static AboutInfo about(SimulatorModel model) {
        AboutInfo about = new AboutInfo();
        boolean esx = model == SimulatorModel.ESX;
        about.setName(esx ? "VMware ESXi" : "VMware vCenter Server");
        about.setFullName(esx ? "VMware ESXi 7.0.3 build-20328353" : "VMware vCenter Server 7.0.3 build-20395099");
        about.setVendor("VMware, Inc.");
        about.setVersion("7.0.3");
        about.setBuild(esx ? "20328353" : "20395099");
        about.setLocaleVersion("INTL");
        about.setLocaleBuild("000");
        about.setOsType(esx ? "vmnix-x86" : "linux-x64");
        about.setProductLineId(esx ? "embeddedEsx" : "vpx");
        about.setApiType(esx ? "HostAgent" : "VirtualCenter");
        about.setApiVersion("7.0.3.0");
        about.setInstanceUuid(esx ? null : "9a8b7c6d-1234-4e5f-8a9b-0c1d2e3f4a5b");
        about.setLicenseProductName(esx ? "VMware ESX Server" : "VMware VirtualCenter Server");
        about.setLicenseProductVersion("7.0");
        return about;
    }

    static ServiceContent content(SimulatorModel model, ManagedObject rootFolder) {
        boolean esx = model == SimulatorModel.ESX;
        ServiceContent content = new ServiceContent();
        content.setRootFolder(rootFolder.ref());
        content.setPropertyCollector(Refs.of("PropertyCollector", esx ? "ha-property-collector" : "propertyCollector"));
        content.setViewManager(Refs.of("ViewManager", "ViewManager"));
        content.setAbout(about(model));
        content.setSessionManager(Refs.of("SessionManager", esx ? "ha-sessionmgr" : "SessionManager"));
        content.setSearchIndex(Refs.of("SearchIndex", esx ? "ha-searchindex" : "SearchIndex"));
        content.setFileManager(Refs.of("FileManager", esx ? "ha-nfc-file-manager" : "FileManager"));
        content.setVirtualDiskManager(Refs.of("VirtualDiskManager", esx ? "ha-vdiskmanager" : "virtualDiskManager"));
        content.setTaskManager(Refs.of("TaskManager", esx ? "ha-taskmgr" : "TaskManager"));
        content.setEventManager(Refs.of("EventManager", esx ? "ha-eventmgr" : "EventManager"));
        content.setPerfManager(Refs.of("PerformanceManager", esx ? "ha-perfmgr" : "PerfMgr"));
        return content;
    }
}
