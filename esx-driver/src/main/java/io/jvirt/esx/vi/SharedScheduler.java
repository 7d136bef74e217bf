package io.jvirt.esx.vi;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One daemon thread for every session of the JVM: keepalives and the clean-up of sessions that
 * were never closed. Reference-counted like pgjdbc's shared timer: the thread starts with the
 * first {@link #register registered} session and ends when the last one is released, so a
 * closed connection leaves no thread behind.
 *
 * <p>Clean-up works like {@link java.lang.ref.Cleaner}, but on this thread instead of a thread of
 * its own: each registration is a phantom reference to the session's public object; when that
 * object becomes unreachable, the action (log out, wipe the password) runs here. The action must
 * not reference the object itself, or it would never become unreachable.
 */
final class SharedScheduler {
    private static final System.Logger LOG = System.getLogger(SharedScheduler.class.getName());
    /** How often the reference queue is polled for sessions that became unreachable. */
    private static final long POLL_MILLIS = 500;
    static final String THREAD_NAME = "jvirt-esx-scheduler";

    private static final Object LOCK = new Object();
    private static int users;
    private static ScheduledThreadPoolExecutor executor;
    private static ReferenceQueue<Object> queue;
    /** The executor's thread, joined on shutdown: a terminated executor's worker may still be exiting. */
    private static volatile Thread thread;
    /** Keeps registrations reachable until they are cleaned or released. */
    private static final Set<Registration> LIVE = ConcurrentHashMap.newKeySet();

    private SharedScheduler() {
    }

    /** A session's hold on the shared thread; {@link #release} (on close) or the clean-up ends it. */
    static final class Registration extends PhantomReference<Object> {
        private final Runnable cleanup;
        private final ScheduledThreadPoolExecutor owner;
        private final AtomicBoolean done = new AtomicBoolean();

        private Registration(Object referent, ReferenceQueue<Object> q, Runnable cleanup,
                             ScheduledThreadPoolExecutor owner) {
            super(referent, q);
            this.cleanup = cleanup;
            this.owner = owner;
        }

        /** Runs a task on the shared thread every {@code periodMillis}, first after one period. */
        ScheduledFuture<?> every(long periodMillis, Runnable task) {
            return owner.scheduleWithFixedDelay(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        }

        /** The session was closed: no clean-up needed; drops this session's use of the thread. */
        void release() {
            if (done.compareAndSet(false, true)) {
                clear();
                LIVE.remove(this);
                unuse();
            }
        }

        private void clean() {
            if (done.compareAndSet(false, true)) {
                LIVE.remove(this);
                try {
                    cleanup.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Cleaning up an unclosed session failed: {0}", e.getMessage());
                } finally {
                    unuse();
                }
            }
        }
    }

    /**
     * Registers a session: {@code cleanup} runs on the shared thread once {@code referent} is
     * unreachable, unless {@link Registration#release()} was called first.
     */
    static Registration register(Object referent, Runnable cleanup) {
        synchronized (LOCK) {
            if (users++ == 0) {
                start();
            }
            Registration r = new Registration(referent, queue, cleanup, executor);
            LIVE.add(r);
            return r;
        }
    }

    /** Threads currently running for the scheduler (0 or 1), for tests. */
    static boolean running() {
        synchronized (LOCK) {
            return executor != null;
        }
    }

    private static void start() {
        ReferenceQueue<Object> q = new ReferenceQueue<>();
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, task -> {
            SchedulerThread t = new SchedulerThread(task);
            thread = t;
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        e.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        e.scheduleWithFixedDelay(() -> poll(q), POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        queue = q;
        executor = e;
    }

    /** The shared thread: a daemon that pins no application class loader. */
    private static final class SchedulerThread extends Thread {
        SchedulerThread(Runnable task) {
            super(null, task, THREAD_NAME, 0, false);
            setDaemon(true);
            setContextClassLoader(null);
        }
    }

    private static void poll(ReferenceQueue<Object> q) {
        for (Reference<?> r = q.poll(); r != null; r = q.poll()) {
            if (r instanceof Registration reg) {
                reg.clean();
            }
        }
    }

    private static void unuse() {
        ScheduledThreadPoolExecutor stopping;
        Thread worker;
        synchronized (LOCK) {
            if (--users > 0) {
                return;
            }
            stopping = executor;
            worker = thread;
            executor = null;
            queue = null;
            thread = null;
        }
        stopping.shutdownNow();
        if (Thread.currentThread() instanceof SchedulerThread) {
            return; // the clean-up of the last session runs on the thread itself, which now ends
        }
        try {
            if (worker != null) {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            }
            if (!stopping.awaitTermination(1, TimeUnit.MILLISECONDS) || (worker != null && worker.isAlive())) {
                LOG.log(System.Logger.Level.WARNING, "The session scheduler thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
