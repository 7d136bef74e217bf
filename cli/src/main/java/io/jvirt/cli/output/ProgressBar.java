package io.jvirt.cli.output;

import io.jvirt.spi.ProgressListener;

import java.io.PrintStream;

/**
 * A one-line progress display on the terminal's error stream, redrawn in place with a carriage
 * return ({@code Migration: [=====>    ]  50 %}); ended with a newline by {@link #finish()}.
 * Only used when a person is watching: on a pipe, commands get {@link ProgressListener#NONE}.
 */
public final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final String label;
    private int last = Integer.MIN_VALUE;
    private boolean drawn;

    public ProgressBar(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public synchronized void progress(String operation, int percent) {
        if (percent == last) {
            return;
        }
        last = percent;
        drawn = true;
        if (percent < 0) {
            err.print("\r" + label + ": [" + " ".repeat(WIDTH) + "]   ? %");
        } else {
            int p = Math.min(100, percent);
            int filled = p * WIDTH / 100;
            String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
            err.printf("\r%s: [%s] %3d %%", label, bar, p);
        }
        err.flush();
    }

    /** Ends the line once the operation is over (nothing when no progress was drawn). */
    public synchronized void finish() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}
