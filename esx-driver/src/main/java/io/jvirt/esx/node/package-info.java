/** Node information, host name and capabilities XML derived from HostSystem properties. */
package io.jvirt.esx.node;
