/** The ESX driver's leaf: the options of the {@code env} map and rules every sub-driver shares. Uses nothing else of the driver. */
package io.jvirt.esx.shared;
