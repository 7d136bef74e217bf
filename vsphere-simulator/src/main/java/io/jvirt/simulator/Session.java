package io.jvirt.simulator;

import io.jvirt.vim25.UserSession;
import java.util.concurrent.atomic.AtomicBoolean;

/** A logged-in session, identified by the value of its {@code vmware_soap_session} cookie. */
final class Session {

    private final String cookie;
    private final UserSession userSession;
    private final AtomicBoolean active = new AtomicBoolean(true);

    Session(String cookie, UserSession userSession) {
        this.cookie = cookie;
        this.userSession = userSession;
    }

    String cookie() {
        return cookie;
    }

    UserSession userSession() {
        return userSession;
    }

    boolean active() {
        return active.get();
    }

    void end() {
        active.set(false);
    }

    /** Ends the session; true only for the call that ended it. */
    boolean endOnce() {
        return active.compareAndSet(true, false);
    }
}
