package io.jvirt.esx.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The live threads at one moment, to find threads a piece of code leaves behind. Threads of the
 * JDK that are not ours and end by themselves ({@code Keep-Alive-Timer} of HttpURLConnection's
 * connection cache, which lives 5 s after the last idle connection) and the test's own helpers
 * (named by prefix) are not counted.
 */
public final class ThreadCensus {
    private static final List<String> JDK_OWNED = List.of("Keep-Alive-Timer", "Keep-Alive-SocketCleaner",
            "process reaper", "Attach Listener", "Common-Cleaner", "HTTP-Dispatcher", "server-timer", "idle-timeout-task");
    private final Set<Thread> before;

    private ThreadCensus(Set<Thread> before) {
        this.before = before;
    }

    public static ThreadCensus take() {
        return new ThreadCensus(Thread.getAllStackTraces().keySet());
    }

    /**
     * Threads alive now that were not before, waiting up to {@code grace} for them to end (a
     * closing executor's thread may need a moment); each as {@code name (state)}.
     */
    public List<String> extraThreads(Duration grace, String... ignoredPrefixes) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        List<String> extra;
        do {
            extra = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !before.contains(t))
                    .filter(t -> JDK_OWNED.stream().noneMatch(p -> t.getName().startsWith(p)))
                    .filter(t -> List.of(ignoredPrefixes).stream().noneMatch(p -> t.getName().startsWith(p)))
                    .map(t -> t.getName() + " (" + t.getState() + ")")
                    .sorted().collect(Collectors.toCollection(ArrayList::new));
            if (extra.isEmpty()) {
                return extra;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return extra;
    }
}
