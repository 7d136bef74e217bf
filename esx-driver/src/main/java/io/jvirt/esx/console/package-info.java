/**
 * A VM's console: screenshots ({@code /screen}), keys ({@code PutUsbScanCodes}), console URLs
 * (VNC or a WebMKS ticket) and the VM's running task as libvirt's domain job.
 */
package io.jvirt.esx.console;
