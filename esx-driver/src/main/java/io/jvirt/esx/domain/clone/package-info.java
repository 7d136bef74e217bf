/**
 * {@code Domain.clone}: {@code CloneVM_Task} on vCenter; on a standalone ESX host (which has no
 * CloneVM) the disks are copied with {@code CopyVirtualDisk_Task}, a new {@code .vmx} made from
 * the source's (fresh UUID and MAC addresses) is uploaded and registered.
 */
package io.jvirt.esx.domain.clone;
