package io.jvirt.simulator;

import io.jvirt.vim25.Description;
import io.jvirt.vim25.VirtualCdrom;
import io.jvirt.vim25.VirtualCdromRemotePassthroughBackingInfo;
import io.jvirt.vim25.VirtualDevice;
import io.jvirt.vim25.VirtualDisk;
import io.jvirt.vim25.VirtualDiskFlatVer2BackingInfo;
import io.jvirt.vim25.VirtualEthernetCard;
import io.jvirt.vim25.VirtualEthernetCardNetworkBackingInfo;
import io.jvirt.vim25.VirtualIDEController;
import io.jvirt.vim25.VirtualLsiLogicController;
import io.jvirt.vim25.VirtualMachineConfigInfo;
import io.jvirt.vim25.VirtualSCSISharing;
import io.jvirt.vim25.VirtualVmxnet3;

import java.util.List;

/**
 * {@code config.hardware.device} of a simulated VM (watch: device events), matching the
 * {@code .vmx} that {@link VmxText} renders: IDE controllers 200/201, an LSI Logic controller
 * (key 1000, bus 0) with the disk at {@code scsi0:0} (key 2000), a CD-ROM at {@code ide1:0}
 * (key 3002) and a VMXNET3 NIC (key 4000, {@code ethernet0}); device keys as ESX numbers them.
 */
final class VmDevices {
    private VmDevices() {
    }

    static void install(VirtualMachineConfigInfo config, VmDefinition vm, String datastore, String networkName) {
        List<VirtualDevice> devices = config.getHardware().getDevice();
        devices.clear();
        devices.add(ide(200, 0));
        devices.add(ide(201, 1));
        VirtualLsiLogicController scsi = new VirtualLsiLogicController();
        scsi.setKey(1000);
        scsi.setDeviceInfo(info("SCSI controller 0", "LSI Logic"));
        scsi.setBusNumber(0);
        scsi.setHotAddRemove(true);
        scsi.setSharedBus(VirtualSCSISharing.NO_SHARING);
        scsi.setScsiCtlrUnitNumber(7);
        scsi.getDevice().add(2000);
        devices.add(scsi);
        devices.add(disk(2000, 0, "[" + datastore + "] " + vm.name() + "/" + vm.diskFileName()));
        VirtualCdrom cdrom = new VirtualCdrom();
        cdrom.setKey(3002);
        cdrom.setDeviceInfo(info("CD/DVD drive 1", "Remote device"));
        VirtualCdromRemotePassthroughBackingInfo cdBacking = new VirtualCdromRemotePassthroughBackingInfo();
        cdBacking.setDeviceName("");
        cdBacking.setUseAutoDetect(false);
        cdBacking.setExclusive(false);
        cdrom.setBacking(cdBacking);
        cdrom.setControllerKey(201);
        cdrom.setUnitNumber(0);
        devices.add(cdrom);
        devices.add(nic(4000, 0, vm.macAddress(), networkName));
    }

    /** A thin disk on the LSI Logic controller at {@code scsi0:<unit>}. */
    static VirtualDisk disk(int key, int unit, String fileName) {
        VirtualDisk disk = new VirtualDisk();
        disk.setKey(key);
        disk.setDeviceInfo(info("Hard disk " + (unit + 1), "16,384 KB"));
        VirtualDiskFlatVer2BackingInfo backing = new VirtualDiskFlatVer2BackingInfo();
        backing.setFileName(fileName);
        backing.setDiskMode("persistent");
        backing.setThinProvisioned(true);
        disk.setBacking(backing);
        disk.setControllerKey(1000);
        disk.setUnitNumber(unit);
        disk.setCapacityInKB(16_384L);
        disk.setCapacityInBytes(16_777_216L);
        return disk;
    }

    /** A VMXNET3 NIC {@code ethernet<index>} (device key 4000 + index, as ESX numbers them). */
    static VirtualEthernetCard nic(int key, int index, String mac, String networkName) {
        VirtualVmxnet3 nic = new VirtualVmxnet3();
        nic.setKey(key);
        nic.setDeviceInfo(info("Network adapter " + (index + 1), networkName));
        VirtualEthernetCardNetworkBackingInfo backing = new VirtualEthernetCardNetworkBackingInfo();
        backing.setDeviceName(networkName);
        nic.setBacking(backing);
        nic.setControllerKey(100);
        nic.setUnitNumber(7 + index);
        nic.setAddressType("generated");
        nic.setMacAddress(mac);
        nic.setWakeOnLanEnabled(true);
        return nic;
    }

    private static VirtualIDEController ide(int key, int bus) {
        VirtualIDEController c = new VirtualIDEController();
        c.setKey(key);
        c.setDeviceInfo(info("IDE " + bus, "IDE " + bus));
        c.setBusNumber(bus);
        return c;
    }

    private static Description info(String label, String summary) {
        Description d = new Description();
        d.setLabel(label);
        d.setSummary(summary);
        return d;
    }
}
