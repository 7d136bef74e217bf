package io.jvirt.simulator;

import io.jvirt.vim25.AlreadyExists;
import io.jvirt.vim25.FileAlreadyExists;
import io.jvirt.vim25.FileNotFound;
import io.jvirt.vim25.InvalidArgument;
import io.jvirt.vim25.InvalidPowerState;
import io.jvirt.vim25.InvalidState;
import io.jvirt.vim25.ManagedObjectNotFound;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.NotFound;
import io.jvirt.vim25.NotSupported;
import io.jvirt.vim25.RequestCanceled;
import io.jvirt.vim25.ResourceInUse;
import io.jvirt.vim25.VirtualMachinePowerState;

/** Factories for the vSphere faults the simulator raises, with vSphere-like messages. */
final class VimFaults {

    private VimFaults() {
    }

    static VimFaultException notFound(String message) {
        return new VimFaultException(new NotFound(), message);
    }

    static VimFaultException invalidArgument(String property) {
        InvalidArgument fault = new InvalidArgument();
        fault.setInvalidProperty(property);
        return new VimFaultException(fault, "A specified parameter was not correct: " + property);
    }

    static VimFaultException objectNotFound(ManagedObjectReference ref) {
        ManagedObjectNotFound fault = new ManagedObjectNotFound();
        fault.setObj(Refs.copy(ref));
        return new VimFaultException(fault, "The object '" + describe(ref) + "' has already been deleted or has not been completely created");
    }

    static VimFaultException invalidPowerState(VirtualMachinePowerState existing, VirtualMachinePowerState requested) {
        InvalidPowerState fault = new InvalidPowerState();
        fault.setExistingState(existing);
        fault.setRequestedState(requested);
        return new VimFaultException(fault, "The attempted operation cannot be performed in the current state ("
                + stateText(existing) + ").");
    }

    static VimFaultException invalidState(String message) {
        return new VimFaultException(new InvalidState(), message);
    }

    static VimFaultException fileNotFound(String file) {
        FileNotFound fault = new FileNotFound();
        fault.setFile(file);
        return new VimFaultException(fault, "File " + file + " was not found");
    }

    static VimFaultException fileAlreadyExists(String file) {
        FileAlreadyExists fault = new FileAlreadyExists();
        fault.setFile(file);
        return new VimFaultException(fault, "Cannot complete the operation because the file or folder " + file + " already exists");
    }

    static VimFaultException alreadyExists(String name) {
        AlreadyExists fault = new AlreadyExists();
        fault.setName(name);
        return new VimFaultException(fault, "The specified key, name, or identifier '" + name + "' already exists.");
    }

    static VimFaultException resourceInUse(String type, String name) {
        ResourceInUse fault = new ResourceInUse();
        fault.setType(type);
        fault.setName(name);
        return new VimFaultException(fault, "The resource '" + name + "' is in use.");
    }

    static VimFaultException invalidDatastore(String name) {
        io.jvirt.vim25.InvalidDatastore fault = new io.jvirt.vim25.InvalidDatastore();
        fault.setName(name);
        return new VimFaultException(fault, "Invalid datastore path '[" + name + "]'.");
    }

    static VimFaultException notSupported(String message) {
        return new VimFaultException(new NotSupported(), message);
    }

    static VimFaultException canceled() {
        return new VimFaultException(new RequestCanceled(), "The task was canceled by a user.");
    }

    private static String stateText(VirtualMachinePowerState state) {
        return switch (state) {
            case POWERED_ON -> "Powered on";
            case POWERED_OFF -> "Powered off";
            case SUSPENDED -> "Suspended";
        };
    }

    private static String describe(ManagedObjectReference ref) {
        return "vim." + ref.getType() + ":" + ref.getValue();
    }
}
