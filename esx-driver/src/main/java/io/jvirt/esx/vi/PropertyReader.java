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
import java.util.function.Consumer;

/**
 * Reads properties with {@code RetrievePropertiesEx}, following continuation tokens: one
 * request for a result that fits in one page, whatever the number of objects.
 */
public final class PropertyReader {
    private PropertyReader() {
    }

    /** All objects matching the specs (possibly several requests when the server pages). */
    public static List<ObjectProps> retrieve(VimSession session, List<PropertyFilterSpec> specs) {
        List<ObjectProps> out = new ArrayList<>();
        forEach(session, specs, out::add);
        return out;
    }

    /**
     * Hands every object matching the specs to {@code each}, one page at a time: a page's
     * objects can be collected as soon as the next page is asked for, so a caller that keeps
     * less than the raw properties (a listing of 10,000 VMs keeps one small handle per VM)
     * needs memory for one page, not for the whole inventory.
     */
    public static void forEach(VimSession session, List<PropertyFilterSpec> specs, Consumer<ObjectProps> each) {
        ManagedObjectReference collector = session.content().getPropertyCollector();
        RetrieveOptions options = new RetrieveOptions();
        options.setMaxObjects(session.pageSize());
        RetrieveResult page = session.call("RetrievePropertiesEx", p -> checked(p.retrievePropertiesEx(collector, specs, options)));
        while (page != null) {
            for (ObjectContent oc : page.getObjects()) {
                each.accept(toProps(oc));
            }
            String token = page.getToken();
            if (token == null || token.isEmpty()) {
                return;
            }
            page = null;
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
