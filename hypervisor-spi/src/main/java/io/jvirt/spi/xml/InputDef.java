package io.jvirt.spi.xml;

/** An {@code <input type bus/>} (not represented in VMX; kept for round trips). */
public record InputDef(String type, String bus) {
}
