package io.jvirt.simulator;

/** Who is calling: the session (null when unauthenticated) of the SOAP request being served. */
record Caller(Session session) {

    /** The simulator itself (start-up seeding, test control methods). */
    static final Caller SYSTEM = new Caller(null);

    boolean authenticated() {
        return session != null && session.active();
    }
}
