/**
 * The simulator as a JUnit 5 extension: {@link io.jvirt.simulator.junit.VsphereSimulator} on a
 * test class, field or parameter injects a started simulator
 * ({@link io.jvirt.simulator.junit.StartedSimulator}), fresh per test or shared per class. Needs
 * {@code org.junit.jupiter:junit-jupiter-api} (a provided dependency of the simulator: the test
 * brings it); the rest of the simulator does not.
 */
package io.jvirt.simulator.junit;
