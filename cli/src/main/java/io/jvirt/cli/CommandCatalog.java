package io.jvirt.cli;

import io.jvirt.cli.commands.CloneConsoleCommands;
import io.jvirt.cli.completion.Grammar;
import io.jvirt.cli.commands.DomainInfoCommands;
import io.jvirt.cli.commands.DomainLifecycleCommands;
import io.jvirt.cli.commands.DomainResourceCommands;
import io.jvirt.cli.commands.EventCommands;
import io.jvirt.cli.commands.IoStatsCommands;
import io.jvirt.cli.commands.StatsCommands;
import io.jvirt.cli.commands.HelpCommand;
import io.jvirt.cli.commands.HostCommands;
import io.jvirt.cli.commands.InterfaceCommands;
import io.jvirt.cli.commands.MigrateCommand;
import io.jvirt.cli.commands.NativeXmlCommands;
import io.jvirt.cli.commands.NetworkCommands;
import io.jvirt.cli.commands.SnapshotCommands;
import io.jvirt.cli.commands.StorageCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** Every jvirsh command, by area; a fresh picocli tree per command line (commands hold parse state). */
@Command(name = "jvirsh", subcommands = {
        HelpCommand.class,
        // host
        HostCommands.Uri.class, HostCommands.Version.class, HostCommands.Hostname.class,
        HostCommands.Nodeinfo.class, HostCommands.Capabilities.class,
        // domain information
        DomainInfoCommands.ListDomains.class, DomainInfoCommands.Dominfo.class, DomainInfoCommands.Domstate.class,
        DomainInfoCommands.Domid.class, DomainInfoCommands.Domname.class, DomainInfoCommands.Domuuid.class,
        DomainInfoCommands.Dumpxml.class, DomainInfoCommands.Domhostname.class, DomainInfoCommands.Domifaddr.class,
        // domain lifecycle
        DomainLifecycleCommands.Define.class, DomainLifecycleCommands.Undefine.class,
        DomainLifecycleCommands.Start.class, DomainLifecycleCommands.Shutdown.class,
        DomainLifecycleCommands.Reboot.class, DomainLifecycleCommands.Reset.class,
        DomainLifecycleCommands.Destroy.class, DomainLifecycleCommands.Suspend.class,
        DomainLifecycleCommands.Resume.class, DomainLifecycleCommands.ManagedSaveRemove.class,
        // domain resources
        DomainResourceCommands.SetMem.class, DomainResourceCommands.SetMaxMem.class,
        DomainResourceCommands.SetVcpus.class, DomainResourceCommands.Memtune.class,
        DomainResourceCommands.Schedinfo.class, DomainResourceCommands.Autostart.class,
        // migration and native configs
        MigrateCommand.class, NativeXmlCommands.FromNative.class, NativeXmlCommands.ToNative.class,
        // snapshots
        SnapshotCommands.CreateAs.class, SnapshotCommands.ListSnapshots.class, SnapshotCommands.Current.class,
        SnapshotCommands.Parent.class, SnapshotCommands.DumpXml.class, SnapshotCommands.Revert.class,
        SnapshotCommands.Delete.class,
        // storage
        StorageCommands.PoolList.class, StorageCommands.PoolInfo.class, StorageCommands.PoolDumpXml.class,
        StorageCommands.PoolRefresh.class, StorageCommands.VolList.class, StorageCommands.VolInfo.class,
        StorageCommands.VolDumpXml.class, StorageCommands.VolCreateAs.class, StorageCommands.VolClone.class,
        StorageCommands.VolDelete.class, StorageCommands.VolWipe.class, StorageCommands.VolUpload.class,
        StorageCommands.VolDownload.class,
        // networks and interfaces
        NetworkCommands.NetList.class, NetworkCommands.NetInfo.class, NetworkCommands.NetDumpXml.class,
        NetworkCommands.NetDefine.class, NetworkCommands.NetUndefine.class,
        InterfaceCommands.IfaceList.class, InterfaceCommands.IfaceDumpXml.class,
        // events and statistics
        EventCommands.Event.class, StatsCommands.Domstats.class, StatsCommands.Dommemstat.class,
        StatsCommands.Domblklist.class, StatsCommands.Domiflist.class,
        // clone, console, jobs, sysinfo
        CloneConsoleCommands.Clone.class, CloneConsoleCommands.ScreenshotCommand.class,
        CloneConsoleCommands.SendKey.class, CloneConsoleCommands.Domdisplay.class,
        CloneConsoleCommands.Domjobinfo.class, CloneConsoleCommands.Domjobabort.class,
        CloneConsoleCommands.Sysinfo.class,
        IoStatsCommands.Domblkstat.class, IoStatsCommands.Domifstat.class, IoStatsCommands.Nodecpustats.class,
        IoStatsCommands.Nodememstats.class,
        // shell completion (hidden)
        CompleteCommand.class,
        // editing and devices
        io.jvirt.cli.commands.EditCommand.class, io.jvirt.cli.commands.DeviceCommands.AttachDevice.class,
        io.jvirt.cli.commands.DeviceCommands.DetachDevice.class, io.jvirt.cli.commands.DeviceCommands.UpdateDevice.class,
        io.jvirt.cli.commands.DeviceCommands.AttachDisk.class, io.jvirt.cli.commands.DeviceCommands.DetachDisk.class,
        io.jvirt.cli.commands.DeviceCommands.AttachInterface.class,
        io.jvirt.cli.commands.DeviceCommands.DetachInterface.class, io.jvirt.cli.commands.DeviceCommands.ChangeMedia.class,
})
public final class CommandCatalog {

    /** A new command tree configured like virsh's parser (no abbreviations, repeated options allowed). */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new CommandCatalog()));
    }

    /**
     * A tree holding only the command {@code name} (all of them for {@code help}, which lists
     * them), or null when there is no such command. picocli builds a command's model by
     * reflection, and building all ~60 of them was a third of a short jvirsh run's time; one
     * command line runs one or a few commands.
     */
    public static CommandLine commandLineFor(String name) {
        Class<?> found = commandClass(name);
        if (found == null) {
            return null;
        }
        if (found == HelpCommand.class) {
            return commandLine();
        }
        CommandLine root = new CommandLine(CommandSpec.create().name("jvirsh"));
        root.addSubcommand(name, new CommandLine(found));
        return configure(root);
    }

    /** The class of the command {@code name}, or null when there is no such command. */
    static Class<?> commandClass(String name) {
        for (Class<?> c : CommandCatalog.class.getAnnotation(Command.class).subcommands()) {
            Command command = c.getAnnotation(Command.class);
            if (command != null && command.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The commands and jvirsh's own options, for completion. */
    public static Grammar grammar() {
        return new Grammar(java.util.List.of(CommandCatalog.class.getAnnotation(Command.class).subcommands()),
                GlobalOptionNames.all(), Jvirsh.WITH_VALUE);
    }

    private static CommandLine configure(CommandLine cl) {
        cl.setOverwrittenOptionsAllowed(true);
        // virsh reads no argument files: '@name' is a value like any other
        cl.setExpandAtFiles(false);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
