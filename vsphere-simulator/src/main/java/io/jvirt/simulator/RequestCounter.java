package io.jvirt.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts requests per SOAP method (and per file-service verb, e.g. {@code GET /folder}). */
final class RequestCounter {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String method) {
        counts.computeIfAbsent(method, k -> new LongAdder()).increment();
    }

    long get(String method) {
        LongAdder adder = counts.get(method);
        return adder == null ? 0 : adder.sum();
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    void reset() {
        counts.clear();
    }
}
