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

/**
 * Reads properties with {@code RetrievePropertiesEx}, following continuation tokens: one
 * request for a result that fits in one page, whatever the number of objects.
 */
public final class PropertyReader {
    private PropertyReader() {
    }

    /** All objects matching the specs (possibly several requests when the server pages). */
    public static List<ObjectProps> retrieve(VimSession session, List<PropertyFilterSpec> specs) {
        ManagedObjectReference collector = session.content().getPropertyCollector();
        RetrieveOptions options = new RetrieveOptions();
        options.setMaxObjects(session.pageSize());
        List<ObjectProps> out = new ArrayList<>();
        RetrieveResult page = session.call("RetrievePropertiesEx", p -> checked(p.retrievePropertiesEx(collector, specs, options)));
        while (true) {
            if (page == null) {
                return out;
            }
            for (ObjectContent oc : page.getObjects()) {
                out.add(toProps(oc));
            }
            String token = page.getToken();
            if (token == null || token.isEmpty()) {
                return out;
            }
            page = session.call("ContinueRetrievePropertiesEx", p -> checked(p.continueRetrievePropertiesEx(collector, token)));
        }
    }

    /** One spec; convenience for {@link #retrieve(VimSession, List)}. */
    public static List<ObjectProps> retrieve(VimSession session, PropertyFilterSpec spec) {
        return retrieve(session, List.of(spec));
    }

    /** Throws the re-login signal when a property was refused as not authenticated (vcsim does so). */
    private static RetrieveResult checked(RetrieveResult result) {
        if (result != null) {
            for (ObjectContent oc : result.getObjects()) {
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
