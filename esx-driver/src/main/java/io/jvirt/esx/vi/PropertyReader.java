package io.jvirt.esx.vi;

import io.jvirt.vim25.DynamicProperty;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ObjectContent;
import io.jvirt.vim25.PropertyFilterSpec;
import io.jvirt.vim25.RetrieveOptions;
import io.jvirt.vim25.RetrieveResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads properties with {@code RetrievePropertiesEx}, following continuation tokens: one
 * request for a result that fits in one page, whatever the number of objects. Continuation
 * tokens belong to the login session that got them, so a read runs in one session
 * ({@link VimSession#inOneSession}): when the session expires between pages, the read starts
 * over after the re-login instead of sending the old session's token. A caller that stops before
 * the last page makes the reader cancel the rest ({@code CancelRetrievePropertiesEx}).
 */
public final class PropertyReader {
    private static final System.Logger LOG = System.getLogger(PropertyReader.class.getName());

    private PropertyReader() {
    }

    /** All objects matching the specs (possibly several requests when the server pages). */
    public static List<ObjectProps> retrieve(VimSession session, List<PropertyFilterSpec> specs) {
        return collect(session, specs, Function.identity());
    }

    /**
     * Maps every matching object as its page arrives and keeps the non-null results: a caller that
     * keeps less than the raw properties (a listing of 10,000 VMs keeps one small handle per VM)
     * needs memory for one page, not for the whole inventory. When the session expires midway the
     * read starts over with an empty result, so no object is kept twice.
     */
    public static <T> List<T> collect(VimSession session, List<PropertyFilterSpec> specs,
                                      Function<ObjectProps, T> mapper) {
        return session.inOneSession(requests -> {
            List<T> out = new ArrayList<>();
            read(session, requests, specs, p -> {
                T t = mapper.apply(p);
                if (t != null) {
                    out.add(t);
                }
                return true;
            });
            return out;
        });
    }

    /** One spec; convenience for {@link #retrieve(VimSession, List)}. */
    public static List<ObjectProps> retrieve(VimSession session, PropertyFilterSpec spec) {
        return retrieve(session, List.of(spec));
    }

    /**
     * Hands the matching objects to {@code visitor} page by page until it returns false; then
     * the pages not read yet are cancelled on the server. When the session expires midway the
     * read starts over, so the visitor may see the first objects again: it must tolerate that
     * (e.g. a search for one object). Returns true if every object was visited.
     */
    public static boolean forEach(VimSession session, List<PropertyFilterSpec> specs, Predicate<ObjectProps> visitor) {
        return session.inOneSession(requests -> read(session, requests, specs, visitor));
    }

    private static boolean read(VimSession session, VimSession.Requests requests, List<PropertyFilterSpec> specs,
                                Predicate<ObjectProps> visitor) {
        ManagedObjectReference collector = session.content().getPropertyCollector();
        RetrieveOptions options = new RetrieveOptions();
        options.setMaxObjects(session.pageSize());
        RetrieveResult page = requests.call("RetrievePropertiesEx",
                p -> checked(p.retrievePropertiesEx(collector, specs, options)));
        while (page != null) {
            String token = page.getToken();
            boolean more = token != null && !token.isEmpty();
            boolean finished = false;
            try {
                for (ObjectContent oc : page.getObjects()) {
                    if (!visitor.test(toProps(oc))) {
                        return false;
                    }
                }
                finished = true;
            } finally {
                if (more && !finished) {
                    cancel(requests, collector, token);
                }
            }
            if (!more) {
                return true;
            }
            page = requests.call("ContinueRetrievePropertiesEx",
                    p -> checked(p.continueRetrievePropertiesEx(collector, token)));
        }
        return true;
    }

    /** Frees the server's pages behind {@code token}; best effort (they expire with the session anyway). */
    private static void cancel(VimSession.Requests requests, ManagedObjectReference collector, String token) {
        if (!requests.current()) {
            return; // a token of a session that is gone needs no cancelling
        }
        try {
            requests.call("CancelRetrievePropertiesEx", p -> {
                p.cancelRetrievePropertiesEx(collector, token);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "CancelRetrievePropertiesEx failed: {0}", e.getMessage());
        }
    }

    /** Throws the re-login signal when a property was refused as not authenticated (vcsim does so). */
    private static RetrieveResult checked(RetrieveResult result) {
        if (result != null) {
            for (ObjectContent oc : result.getObjects()) {
                if (oc.getMissingSet().isEmpty()) {
                    continue; // the usual case: VimFaults (and its rule table) is not even loaded
                }
                VimFaults.notAuthenticated(oc.getMissingSet()).ifPresent(m -> {
                    throw new VimSession.NotAuthenticatedSignal("property " + m.getPath(), null);
                });
            }
        }
        return result;
    }

    static ObjectProps toProps(ObjectContent oc) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (DynamicProperty dp : oc.getPropSet()) {
            props.put(dp.getName(), dp.getVal());
        }
        return new ObjectProps(oc.getObj(), props, List.copyOf(oc.getMissingSet()));
    }
}
