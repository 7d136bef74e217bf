/** A subcommand of the conformance runner jar. */
package io.jvirt.conformance.command;
