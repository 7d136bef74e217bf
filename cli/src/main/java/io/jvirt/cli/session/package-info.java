/** What a jvirsh command runs against: its context, base class and failure type, the session holding the connection, lookups, console charsets. */
package io.jvirt.cli.session;
