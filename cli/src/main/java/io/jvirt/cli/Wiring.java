package io.jvirt.cli;

import io.jvirt.cli.completion.Completions;
import io.jvirt.cli.completion.SessionNames;
import io.jvirt.cli.session.ConsoleCharset;
import io.jvirt.cli.session.LineInput;
import io.jvirt.cli.session.NativeConverters;
import io.jvirt.cli.shell.JLineShell;

/**
 * The production wiring of jvirsh's embedded parts: the vSphere simulator ({@code --sim}) and
 * the offline VMX converter ({@code --offline}) and the
 * interactive shell's line editor.
 */
final class Wiring {
    private Wiring() {
    }

    static SimulatorLauncher simulators() {
        return new VsphereSimulatorLauncher();
    }

    static NativeConverters converters() {
        return new VmxOfflineConverters();
    }

    /**
     * The interactive shell's line editor. JLine's classes load only when the shell opens it
     * at a terminal, never on a single command's path.
     */
    static LineInput.Factory lineEditor() {
        return (env, session) -> JLineShell.open(env, new Completions(new SessionNames(session), CommandCatalog.grammar()),
                ConsoleCharset.input(ConsoleCharset.locale()));
    }
}
