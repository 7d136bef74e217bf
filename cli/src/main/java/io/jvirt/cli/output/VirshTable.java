package io.jvirt.cli.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table laid out like virsh's: one space of indent, columns left-aligned to their widest
 * cell and separated by three spaces, a dashed underline under the header two characters
 * longer than the header row's width (the empty line after it is the command's usual one). With quiet output
 * ({@code -q}) header and underline are left out.
 */
public final class VirshTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public VirshTable(String... headers) {
        this.headers = List.of(headers);
    }

    public VirshTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.asList(cells));
        return this;
    }

    public void print(PrintStream out, boolean quiet) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            // like virsh, a quiet table is as wide as its rows only
            widths[i] = quiet ? 0 : width(headers.get(i));
        }
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!quiet) {
            int total = appendRow(sb, headers, widths);
            sb.append("-".repeat(total + 2)).append('\n');
        }
        for (List<String> row : rows) {
            appendRow(sb, row, widths);
        }
        out.print(sb);
    }

    /** Appends one row and returns its width (without trailing padding of the last column). */
    private static int appendRow(StringBuilder sb, List<String> cells, int[] widths) {
        sb.append(' ');
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i);
            sb.append(cell);
            if (i < cells.size() - 1) {
                sb.append(" ".repeat(widths[i] - width(cell) + 3));
            }
        }
        int rowWidth = 1;
        for (int i = 0; i < widths.length; i++) {
            rowWidth += widths[i] + (i < widths.length - 1 ? 3 : 0);
        }
        sb.append('\n');
        return rowWidth;
    }

    private static int width(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }
}
