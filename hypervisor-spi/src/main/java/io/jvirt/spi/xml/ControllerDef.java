package io.jvirt.spi.xml;

/**
 * A {@code <controller type index model/>}.
 *
 * @param type  {@code scsi}, {@code ide}, {@code fdc}, {@code sata}, ...
 * @param model the model, e.g. {@code lsilogic}, or null
 */
public record ControllerDef(String type, int index, String model) {
    public ControllerDef withModel(String m) {
        return new ControllerDef(type, index, m);
    }
}
