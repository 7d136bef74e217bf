package io.jvirt.simulator.junit;

import io.jvirt.simulator.SimulatorModel;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an in-JVM vSphere simulator for a JUnit 5 test and injects it, so a test of vSphere client
 * code needs no VMware host:
 * <pre>{@code
 * @VsphereSimulator
 * class InventoryTest {
 *     @Test
 *     void listsVms(StartedSimulator sim) {
 *         URI sdk = sim.sdkUrl();            // https://127.0.0.1:<port>/sdk
 *         login(sdk, sim.username(), sim.password(), sim.sslContext());
 *     }
 * }
 * }</pre>
 * <ul>
 * <li>On a test class: every parameter (of a test, lifecycle method or constructor) of type
 *     {@link StartedSimulator} or {@link io.jvirt.simulator.VsphereSimulator} gets a simulator set
 *     up as the class annotation says.</li>
 * <li>On a field of type {@link StartedSimulator}, {@link io.jvirt.simulator.VsphereSimulator} or
 *     {@link java.net.URI} (the SDK URL): the field is set before each test ({@code static} fields:
 *     before all tests of the class, with one simulator for the class).</li>
 * <li>On a parameter of one of those types: that parameter, set up as its own annotation says.</li>
 * </ul>
 * With {@link Lifecycle#PER_TEST} (the default) each test gets a fresh simulator (its inventory
 * as built, no sessions, no faults); with {@link Lifecycle#PER_CLASS} the tests of a class share
 * one. All injections with the same settings in one test (or class) are the same simulator. The
 * simulator listens on a free loopback port and is stopped when its test (or class) ends.
 *
 * <p>JUnit is not needed to use the simulator itself: only this package needs
 * {@code org.junit.jupiter:junit-jupiter-api}, which a test brings anyway.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER})
@ExtendWith(VsphereSimulatorExtension.class)
public @interface VsphereSimulator {

    /** An ESX host (inventory like vcsim's {@code -esx}) or a vCenter (like vcsim's default). */
    SimulatorModel model() default SimulatorModel.ESX;

    /** VMs per host group (ESX: on the host; vCenter: on DC0_H0 and in cluster DC0_C0). */
    int vms() default 2;

    /** HTTPS with a certificate made at start-up (true), or plain HTTP. */
    boolean tls() default true;

    /** A fresh simulator for every test, or one for all tests of the class. */
    Lifecycle lifecycle() default Lifecycle.PER_TEST;

    /** How long one simulator lives. */
    enum Lifecycle {
        /** One simulator per test method (started before it, stopped after it). */
        PER_TEST,
        /** One simulator per test class (started when first needed, stopped after the class). */
        PER_CLASS
    }
}
