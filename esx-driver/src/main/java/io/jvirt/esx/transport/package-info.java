/**
 * How one connection reaches its server: TLS (verified, {@code no_verify}, trust store, pinned
 * thumbprint), HTTP/SOCKS proxies through a Metro {@code TransportTubeFactory}, and timeouts.
 * Nothing here changes JVM-wide settings.
 */
package io.jvirt.esx.transport;
