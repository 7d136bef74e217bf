package io.jvirt.spi.xml;

/** {@code <cpu><topology sockets dies cores threads/>}; a missing attribute is 0. */
public record CpuTopology(int sockets, int dies, int cores, int threads) {
}
