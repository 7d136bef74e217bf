/**
 * The vSphere client layer: the logged-in {@link io.jvirt.esx.vi.VimSession} (cookie, keepalive,
 * one re-login on expiry, file downloads), property-collector helpers, task waiting, VM
 * questions, product and version checks, and the one table that maps failures to
 * {@link io.jvirt.spi.error.HypervisorException}s ({@link io.jvirt.esx.vi.VimFaults}).
 */
package io.jvirt.esx.vi;
