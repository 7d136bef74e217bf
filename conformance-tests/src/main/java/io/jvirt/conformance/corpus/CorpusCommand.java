package io.jvirt.conformance.corpus;

import io.jvirt.conformance.command.Command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code corpus vmx2xml|xml2vmx DIR}: runs every case, prints PASS/FAIL lines and a summary. */
public final class CorpusCommand implements Command {
    @Override
    public String name() {
        return "corpus";
    }

    @Override
    public String usage() {
        return "corpus vmx2xml|xml2vmx DIR";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 2) {
            err.println("usage: " + usage());
            return 2;
        }
        Direction direction;
        try {
            direction = Direction.parse(args.get(0));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        Path dir = Path.of(args.get(1));
        if (!Files.isDirectory(dir)) {
            err.println("not a directory: " + dir);
            return 2;
        }
        List<CorpusCase> cases;
        try {
            cases = CorpusLoader.load(direction, dir);
        } catch (IOException e) {
            err.println("cannot read corpus " + dir + ": " + e.getMessage());
            return 2;
        }
        int passed = 0;
        int failed = 0;
        for (CorpusCase c : cases) {
            CorpusResult r = CorpusRunner.run(direction, c);
            out.println(r.line());
            if (r.passed()) {
                passed++;
            } else {
                failed++;
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
