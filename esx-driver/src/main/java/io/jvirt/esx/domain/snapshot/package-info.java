/** Domain snapshots on ESX: the snapshot tree walks of esx-spec 2.10 and the snapshot handle. */
package io.jvirt.esx.domain.snapshot;
