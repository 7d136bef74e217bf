package io.jvirt.simulator;

import io.jvirt.vim25.MethodFault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the simulator injects below the SOAP stack, per SOAP method name ({@code "*"} = any).
 * Each rule fires for the given number of matching requests (once unless said otherwise);
 * the oldest matching rule fires first.
 */
public final class FaultInjector {

    /** Use as {@code times} for a rule that never runs out. */
    public static final int ALWAYS = Integer.MAX_VALUE;

    /** What happens to a matching request. */
    public enum Kind {
        /** Answer normally, but only after a delay. */
        DELAY,
        /** Answer with a bare HTTP status (e.g. 500, 503) and no SOAP body. */
        HTTP_STATUS,
        /** Answer with a SOAP fault (HTTP 500) carrying the given vSphere fault. */
        SOAP_FAULT,
        /** Answer HTTP 200 with a truncated, unparsable SOAP envelope. */
        MALFORMED_RESPONSE,
        /** Close the connection without answering. */
        CLOSE_CONNECTION,
        /** Expire the caller's session (counted as an expiry), then serve the request: it fails NotAuthenticated. */
        EXPIRE_SESSION
    }

    /** One injected fault. */
    record Rule(String method, Kind kind, Duration delay, int httpStatus, MethodFault fault, String message, AtomicInteger remaining) {
        boolean matches(String name) {
            return method.equals("*") || method.equals(name);
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    public FaultInjector delay(String method, Duration delay, int times) {
        return add(new Rule(method, Kind.DELAY, delay, 0, null, null, new AtomicInteger(times)));
    }

    public FaultInjector delay(String method, Duration delay) {
        return delay(method, delay, 1);
    }

    public FaultInjector httpStatus(String method, int status, int times) {
        return add(new Rule(method, Kind.HTTP_STATUS, Duration.ZERO, status, null, null, new AtomicInteger(times)));
    }

    public FaultInjector httpStatus(String method, int status) {
        return httpStatus(method, status, 1);
    }

    /** A SOAP fault, e.g. {@code soapFault("PowerOnVM_Task", new InvalidState(), "busy", 1)}. */
    public FaultInjector soapFault(String method, MethodFault fault, String message, int times) {
        return add(new Rule(method, Kind.SOAP_FAULT, Duration.ZERO, 500, fault, message, new AtomicInteger(times)));
    }

    public FaultInjector soapFault(String method, MethodFault fault, String message) {
        return soapFault(method, fault, message, 1);
    }

    public FaultInjector malformedResponse(String method, int times) {
        return add(new Rule(method, Kind.MALFORMED_RESPONSE, Duration.ZERO, 200, null, null, new AtomicInteger(times)));
    }

    public FaultInjector malformedResponse(String method) {
        return malformedResponse(method, 1);
    }

    /**
     * Drops the connection without an answer. Note: the JDK's HttpURLConnection (used by Metro)
     * retries a POST once on a dropped keep-alive connection, so {@code times = 2} is needed for a
     * Metro client to see the failure.
     */
    public FaultInjector closeConnection(String method, int times) {
        return add(new Rule(method, Kind.CLOSE_CONNECTION, Duration.ZERO, 0, null, null, new AtomicInteger(times)));
    }

    public FaultInjector closeConnection(String method) {
        return closeConnection(method, 1);
    }

    /**
     * Expires the session of the caller of {@code method} just before serving it, e.g.
     * {@code expireSession("ContinueRetrievePropertiesEx", 1)} ends a session between two pages.
     */
    public FaultInjector expireSession(String method, int times) {
        return add(new Rule(method, Kind.EXPIRE_SESSION, null, 0, null, null, new AtomicInteger(times)));
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /** The rule that fires for this request, if any (consumes one of its uses). */
    Optional<Rule> take(String method) {
        for (Rule rule : rules) {
            if (rule.matches(method)) {
                int left = rule.remaining().getAndUpdate(n -> n == ALWAYS ? n : Math.max(0, n - 1));
                if (left <= 0) {
                    rules.remove(rule);
                    continue;
                }
                if (left == 1) {
                    rules.remove(rule);
                }
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private FaultInjector add(Rule rule) {
        if (rule.remaining().get() <= 0) {
            throw new IllegalArgumentException("times must be positive");
        }
        rules.add(rule);
        return this;
    }
}
