/** The domain sub-driver: listings, lookups and reads of VMs, VMX download and conversion. */
package io.jvirt.esx.domain;
