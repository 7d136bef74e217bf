package io.jvirt.cli.commands;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Draws snapshots as virsh's {@code --tree}: each root at the left margin, children below their
 * parent behind {@code +- }, a {@code |} line before the first child, vertical bars continuing
 * while a parent has more children, and a line of indentation after the last leaf of a branch.
 */
final class SnapshotTree {
    private final List<String> names;
    private final Map<String, String> parentOf;
    private final PrintStream out;

    SnapshotTree(List<String> names, Map<String, String> parentOf, PrintStream out) {
        this.names = names;
        this.parentOf = parentOf;
        this.out = out;
    }

    void print() {
        for (String n : names) {
            String parent = parentOf.get(n);
            if (parent == null || !names.contains(parent)) {
                node(n, true, true, new StringBuilder());
            }
        }
    }

    private void node(String name, boolean root, boolean last, StringBuilder indent) {
        out.println(indent + (root ? "" : "+- ") + name);
        if (!root) {
            indent.append(last ? ' ' : '|').append(' ');
        }
        List<String> children = names.stream().filter(c -> Objects.equals(parentOf.get(c), name)).toList();
        if (!children.isEmpty()) {
            out.println(indent + "  |");
        }
        indent.append("  ");
        for (int i = 0; i < children.size(); i++) {
            node(children.get(i), false, i == children.size() - 1, indent);
        }
        indent.setLength(indent.length() - 2);
        if (children.isEmpty() && last) {
            out.println(indent);
        }
        if (!root) {
            indent.setLength(indent.length() - 2);
        }
    }
}
