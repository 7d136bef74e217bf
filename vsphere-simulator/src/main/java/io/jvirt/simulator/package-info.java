/**
 * An in-JVM vSphere (vim25 SOAP) simulator for tests and {@code jvirsh --sim}.
 *
 * <p>Public surface: {@link io.jvirt.simulator.VsphereSimulator} (builder, start, URLs,
 * control of sessions, questions, tasks, faults, request counts, datastore files),
 * {@link io.jvirt.simulator.SimulatorModel} (ESX or vCenter inventory),
 * {@link io.jvirt.simulator.FaultInjector} (faults below the SOAP stack),
 * {@link io.jvirt.simulator.VmQuestion} (questions VMs ask) and
 * {@link io.jvirt.simulator.TlsMaterial} (test certificates and trust stores);
 * {@link io.jvirt.simulator.SimulatorLauncher} runs it from a command line.
 *
 * <p>Inside: {@code VimPortImpl} implements the generated {@code io.jvirt.vim25.VimPortType} and
 * delegates each method to one service class ({@code VmLifecycle}, {@code Snapshots},
 * {@code PropertyCollector}, {@code HostNetwork}, ...) acting on the {@code Inventory} of
 * {@code ManagedObject}s; {@code InventoryBuilder} creates the start-up inventory with vcsim's
 * names, so tests can run against both simulators.
 */
package io.jvirt.simulator;
