/**
 * Where a connection lives in the inventory: the ESX host, or a vCenter path down to a host,
 * a cluster or a whole datacenter, found in one request.
 */
package io.jvirt.esx.inventory;
