package io.jvirt.esx.network;

/**
 * A libvirt {@code <bandwidth>}: inbound and outbound rates, each null when not given.
 *
 * @param inbound  the {@code <inbound>} rate or null
 * @param outbound the {@code <outbound>} rate or null
 */
record Bandwidth(Rate inbound, Rate outbound) {

    /**
     * One direction, in libvirt's units.
     *
     * @param average KB/s (1000 bytes per second)
     * @param peak    KB/s, 0 when not given
     * @param burst   KiB, 0 when not given
     */
    record Rate(long average, long peak, long burst) {
        boolean isZero() {
            return average == 0 && peak == 0 && burst == 0;
        }
    }
}
