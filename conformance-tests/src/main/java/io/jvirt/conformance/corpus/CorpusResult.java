package io.jvirt.conformance.corpus;

/** Outcome of one case: passed, or the first difference / error. */
public record CorpusResult(String name, boolean passed, String difference) {
    public String line() {
        return passed ? "PASS " + name : "FAIL " + name + ": " + difference;
    }
}
