package io.jvirt.spi.xml;

/**
 * {@code <cpu>}.
 *
 * @param mode     {@code custom} (default), {@code host-model}, {@code host-passthrough}, ...
 * @param match    {@code <cpu match>}, or null
 * @param model    {@code <model>}, or null
 * @param topology the topology, or null
 */
public record CpuDef(String mode, String match, String model, CpuTopology topology) {
}
