/**
 * Domain events for ESX/vCenter connections: one property-collector filter per connection over
 * every VM of the scope, polled with {@code WaitForUpdatesEx} (with {@code maxObjectUpdates})
 * on one thread per connection, turned into libvirt lifecycle, reboot and metadata events, and
 * re-synchronised after a lost session or outage by a state diff whose events are marked
 * {@link io.jvirt.spi.event.EventOrigin#STATE_DIFF}.
 */
package io.jvirt.esx.events;
