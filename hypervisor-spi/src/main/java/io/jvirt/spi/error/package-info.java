/** Failures: {@link io.jvirt.spi.error.HypervisorException} with libvirt's error codes and domains. Uses nothing else of jvirt. */
package io.jvirt.spi.error;
