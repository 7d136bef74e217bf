package io.jvirt.simulator;

import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.UsbScanCodeSpec;
import io.jvirt.vim25.UsbScanCodeSpecKeyEvent;
import io.jvirt.vim25.UsbScanCodeSpecModifierType;
import io.jvirt.vim25.VirtualMachinePowerState;
import io.jvirt.vim25.VirtualMachineTicket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A VM's console: PutUsbScanCodes records the key events it is sent (see
 * {@link VsphereSimulator#sentKeys}), AcquireTicket("webmks"/"mks") hands out
 * one-time tickets for the simulator's own address. All need a powered-on VM, as on ESX.
 */
final class VmConsole {

    /** One key event as received: the HID usage (not the shifted wire code) and the modifiers pressed. */
    record KeyEvent(int usage, List<String> modifiers) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Inventory inventory;
    private final String host;
    private final java.util.function.IntSupplier port;
    private final Map<String, List<KeyEvent>> keys = new ConcurrentHashMap<>();

    VmConsole(Inventory inventory, String host, java.util.function.IntSupplier port) {
        this.inventory = inventory;
        this.host = host;
        this.port = port;
    }

    int putUsbScanCodes(ManagedObjectReference vmRef, UsbScanCodeSpec spec) {
        return inventory.read(() -> {
            ManagedObject vm = poweredOn(vmRef);
            if (spec == null || spec.getKeyEvents().isEmpty()) {
                throw VimFaults.invalidArgument("spec.keyEvents");
            }
            List<KeyEvent> received = new ArrayList<>();
            for (UsbScanCodeSpecKeyEvent e : spec.getKeyEvents()) {
                int code = e.getUsbHidCode();
                if ((code & 0xffff) != 7) {
                    throw VimFaults.invalidArgument("spec.keyEvents.usbHidCode");
                }
                received.add(new KeyEvent(code >>> 16, modifiers(e.getModifiers())));
            }
            keys.computeIfAbsent(String.valueOf(vm.get("name")), n -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .addAll(received);
            return received.size();
        });
    }

    VirtualMachineTicket acquireTicket(ManagedObjectReference vmRef, String type) {
        return inventory.read(() -> {
            poweredOn(vmRef);
            if (!"webmks".equals(type) && !"mks".equals(type)) {
                throw VimFaults.invalidArgument("ticketType");
            }
            VirtualMachineTicket t = new VirtualMachineTicket();
            t.setTicket(ticket());
            t.setCfgFile("/vmfs/volumes/datastore1/" + vmRef.getValue() + ".vmx");
            t.setHost(host);
            t.setPort(port.getAsInt());
            return t;
        });
    }

    List<KeyEvent> sentKeys(String vmName) {
        return List.copyOf(keys.getOrDefault(vmName, List.of()));
    }

    private ManagedObject poweredOn(ManagedObjectReference vmRef) {
        ManagedObject vm = inventory.require(vmRef, "VirtualMachine");
        VirtualMachinePowerState state = VmLifecycle.runtime(vm).getPowerState();
        if (state != VirtualMachinePowerState.POWERED_ON) {
            throw VimFaults.invalidPowerState(state, VirtualMachinePowerState.POWERED_ON);
        }
        return vm;
    }

    private static String ticket() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static List<String> modifiers(UsbScanCodeSpecModifierType m) {
        List<String> out = new ArrayList<>();
        if (m == null) {
            return out;
        }
        add(out, m.isLeftControl(), "leftControl");
        add(out, m.isLeftShift(), "leftShift");
        add(out, m.isLeftAlt(), "leftAlt");
        add(out, m.isLeftGui(), "leftGui");
        add(out, m.isRightControl(), "rightControl");
        add(out, m.isRightShift(), "rightShift");
        add(out, m.isRightAlt(), "rightAlt");
        add(out, m.isRightGui(), "rightGui");
        return out;
    }

    private static void add(List<String> out, Boolean set, String name) {
        if (Boolean.TRUE.equals(set)) {
            out.add(name);
        }
    }
}
