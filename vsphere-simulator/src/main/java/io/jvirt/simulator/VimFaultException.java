package io.jvirt.simulator;

import io.jvirt.vim25.LocalizedMethodFault;
import io.jvirt.vim25.MethodFault;

/**
 * A vSphere fault raised inside the simulator. At the SOAP boundary it becomes a SOAP fault whose
 * detail element is {@code <TypeFault xsi:type="Type">}; inside a task it becomes {@code TaskInfo.error}.
 */
final class VimFaultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient MethodFault fault;

    VimFaultException(MethodFault fault, String message) {
        super(message);
        this.fault = fault;
    }

    MethodFault fault() {
        return fault;
    }

    String faultType() {
        return fault.getClass().getSimpleName();
    }

    LocalizedMethodFault localized() {
        LocalizedMethodFault localized = new LocalizedMethodFault();
        localized.setFault(fault);
        localized.setLocalizedMessage(getMessage());
        return localized;
    }
}
