/** The URI of a connection: schemes, default ports and the query parameters with libvirt's rules and messages. */
package io.jvirt.esx.uri;
