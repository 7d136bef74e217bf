/** Opening a connection: {@link io.jvirt.spi.connect.ConnectionFactory} picks the driver that owns the URI's scheme. */
package io.jvirt.spi.connect;
