package io.jvirt.cli.shell;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the interactive shell keeps its history across runs, like virsh's
 * {@code $XDG_CACHE_HOME/virsh/history}: {@code $XDG_CACHE_HOME/jvirt/jvirsh_history}, by
 * default {@code $HOME/.cache/jvirt/jvirsh_history}. Taken from the environment, so a
 * different {@code HOME} is respected; with neither variable there is no history file.
 */
public final class ShellHistory {
    private ShellHistory() {
    }

    /** The history file, or null when neither XDG_CACHE_HOME nor HOME is set. */
    public static Path file(Map<String, String> env) {
        String cache = env.get("XDG_CACHE_HOME");
        Path dir;
        if (cache != null && !cache.isBlank() && Path.of(cache).isAbsolute()) {
            dir = Path.of(cache);
        } else {
            String home = env.get("HOME");
            if (home == null || home.isBlank()) {
                return null;
            }
            dir = Path.of(home, ".cache");
        }
        return dir.resolve("jvirt").resolve("jvirsh_history");
    }
}
