package io.jvirt.simulator;

/**
 * What the simulator knows about a VM's configuration; rendered into a realistic .vmx and read
 * back from an uploaded one at RegisterVM.
 */
record VmDefinition(String name, String uuid, int memoryMB, int numCpus, String guestId,
                    String macAddress, String networkName, String diskFileName, String annotation) {

    VmDefinition withName(String newName) {
        return new VmDefinition(newName, uuid, memoryMB, numCpus, guestId, macAddress, networkName, diskFileName, annotation);
    }

    VmDefinition withMemoryMB(int value) {
        return new VmDefinition(name, uuid, value, numCpus, guestId, macAddress, networkName, diskFileName, annotation);
    }

    VmDefinition withNumCpus(int value) {
        return new VmDefinition(name, uuid, memoryMB, value, guestId, macAddress, networkName, diskFileName, annotation);
    }
}
