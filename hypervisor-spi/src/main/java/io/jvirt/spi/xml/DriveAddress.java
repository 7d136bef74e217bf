package io.jvirt.spi.xml;

/** A disk's {@code <address type='drive' controller bus target unit/>}. */
public record DriveAddress(int controller, int bus, int target, int unit) {
    @Override
    public String toString() {
        return controller + ":" + bus + ":" + target + ":" + unit;
    }
}
