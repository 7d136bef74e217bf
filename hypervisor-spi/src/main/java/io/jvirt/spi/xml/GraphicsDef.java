package io.jvirt.spi.xml;

import java.util.List;

/**
 * A {@code <graphics>} device.
 *
 * @param type     {@code vnc}, {@code sdl}, {@code spice}, ...
 * @param port     the port; -1 with autoport
 * @param autoport whether the port is chosen automatically
 * @param keymap   keyboard map, or null
 * @param passwd   the password, or null (never printed by {@link #toString()})
 * @param listens  the {@code <listen>} children
 */
public record GraphicsDef(String type, int port, boolean autoport, String keymap, Password passwd,
        List<Listen> listens) {

    public GraphicsDef {
        listens = List.copyOf(listens);
    }

    /** A {@code <listen type address/>}; address may be null. */
    public record Listen(String type, String address) {
    }

    /** The address of the first listen of type {@code address}, or null. */
    public String listenAddress() {
        for (Listen l : listens) {
            if ("address".equals(l.type()) && l.address() != null) {
                return l.address();
            }
        }
        return null;
    }
}
