/**
 * An in-JVM vSphere (vim25 SOAP) simulator for tests of any Java project and {@code jvirsh --sim}
 * (artifact {@code io.jvirt:vsphere-simulator}); {@link io.jvirt.simulator.junit} runs it as a
 * JUnit 5 extension.
 *
 * <p>Public surface: {@link io.jvirt.simulator.VsphereSimulator} (builder, start, URLs,
 * control of sessions, questions, tasks, faults, request counts, datastore files),
 * {@link io.jvirt.simulator.SimulatorModel} (ESX or vCenter inventory),
 * {@link io.jvirt.simulator.FaultInjector} (faults below the SOAP stack),
 * {@link io.jvirt.simulator.VmQuestion} (questions VMs ask) and
 * {@link io.jvirt.simulator.TlsMaterial} (certificates made in memory, trust stores);
 * {@link io.jvirt.simulator.SimulatorLauncher} runs it as a program
 * ({@code java -jar vsphere-simulator.jar}).
 *
 * <p>Inside: {@code VimPortImpl} implements the generated {@code io.jvirt.vim25.VimPortType} and
 * delegates each method to one service class ({@code VmLifecycle}, {@code Snapshots},
 * {@code PropertyCollector}, {@code HostNetwork}, ...) acting on the {@code Inventory} of
 * {@code ManagedObject}s; {@code InventoryBuilder} creates the start-up inventory with vcsim's
 * names, so tests can run against both simulators. {@code EventHistory} keeps the EventManager's
 * VM power events (collectors with {@code latestPage}, time filters, {@code RewindCollector},
 * {@code ReadNextEvents}); {@code Performance} is the PerformanceManager (counters with ESX's or
 * vCenter's keys, deterministic real-time samples, {@code QueryPerf}, provider summary) and
 * vCenter's {@code config.vpxd.stats.maxQueryMetrics} option; {@code VmDevices} gives VMs their
 * {@code config.hardware.device}.
 */
package io.jvirt.simulator;
