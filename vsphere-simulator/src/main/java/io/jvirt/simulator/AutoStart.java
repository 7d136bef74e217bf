package io.jvirt.simulator;

import io.jvirt.vim25.AutoStartDefaults;
import io.jvirt.vim25.AutoStartPowerInfo;
import io.jvirt.vim25.HostAutoStartManagerConfig;
import io.jvirt.vim25.ManagedObjectReference;

/** The HostAutoStartManager: ReconfigureAutostart merges defaults and per-VM power info. */
final class AutoStart {

    private final Inventory inventory;

    AutoStart(Inventory inventory) {
        this.inventory = inventory;
    }

    static HostAutoStartManagerConfig initialConfig() {
        HostAutoStartManagerConfig config = new HostAutoStartManagerConfig();
        AutoStartDefaults defaults = new AutoStartDefaults();
        defaults.setEnabled(false);
        defaults.setStartDelay(120);
        defaults.setStopDelay(120);
        defaults.setWaitForHeartbeat(false);
        defaults.setStopAction("PowerOff");
        config.setDefaults(defaults);
        return config;
    }

    void reconfigure(ManagedObjectReference managerRef, HostAutoStartManagerConfig spec) {
        inventory.write(() -> {
            ManagedObject manager = inventory.require(managerRef, "HostAutoStartManager");
            HostAutoStartManagerConfig config = manager.require("config", HostAutoStartManagerConfig.class);
            AutoStartDefaults change = spec.getDefaults();
            if (change != null) {
                AutoStartDefaults defaults = config.getDefaults();
                if (change.isEnabled() != null) {
                    defaults.setEnabled(change.isEnabled());
                }
                if (change.getStartDelay() != null) {
                    defaults.setStartDelay(change.getStartDelay());
                }
                if (change.getStopDelay() != null) {
                    defaults.setStopDelay(change.getStopDelay());
                }
                if (change.isWaitForHeartbeat() != null) {
                    defaults.setWaitForHeartbeat(change.isWaitForHeartbeat());
                }
                if (change.getStopAction() != null) {
                    defaults.setStopAction(change.getStopAction());
                }
            }
            for (AutoStartPowerInfo info : spec.getPowerInfo()) {
                inventory.require(info.getKey(), "VirtualMachine");
                if (info.getStartAction() == null || info.getStopAction() == null || info.getWaitForHeartbeat() == null) {
                    throw VimFaults.invalidArgument("spec.powerInfo");
                }
                config.getPowerInfo().removeIf(existing -> Refs.same(existing.getKey(), info.getKey()));
                config.getPowerInfo().add(info);
            }
        });
    }
}
