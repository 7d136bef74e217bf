package io.jvirt.simulator;

import io.jvirt.vim25.DynamicProperty;
import io.jvirt.vim25.InvalidProperty;
import io.jvirt.vim25.LocalizedMethodFault;
import io.jvirt.vim25.MissingProperty;
import io.jvirt.vim25.ObjectContent;
import io.jvirt.vim25.ObjectSpec;
import io.jvirt.vim25.PropertyFilterSpec;
import io.jvirt.vim25.PropertySpec;
import io.jvirt.vim25.RetrieveOptions;
import io.jvirt.vim25.RetrieveResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PropertyCollector's retrieve calls: selects objects, reads the requested paths, reports
 * unknown paths in {@code missingSet}, and pages results with continuation tokens.
 */
final class PropertyCollector {

    private final Inventory inventory;
    private final ObjectWalker walker;
    private final PropertyPaths paths = new PropertyPaths();
    private final DeepCopy copier = new DeepCopy();
    private final Map<String, PendingPages> pages = new ConcurrentHashMap<>();
    private final int defaultPageSize;

    PropertyCollector(Inventory inventory, int defaultPageSize) {
        this.inventory = inventory;
        this.walker = new ObjectWalker(inventory);
        this.defaultPageSize = defaultPageSize;
    }

    /** All matching objects, unpaged (RetrieveProperties). */
    List<ObjectContent> retrieveAll(List<PropertyFilterSpec> specs, Caller caller) {
        return inventory.read(() -> {
            List<ObjectContent> result = new ArrayList<>();
            for (PropertyFilterSpec spec : specs) {
                result.addAll(contents(spec, caller));
            }
            return result;
        });
    }

    /** The first page; null when nothing matched (RetrievePropertiesEx). */
    RetrieveResult retrieveFirstPage(List<PropertyFilterSpec> specs, RetrieveOptions options, Caller caller) {
        List<ObjectContent> all = retrieveAll(specs, caller);
        if (all.isEmpty()) {
            return null;
        }
        int pageSize = options != null && options.getMaxObjects() != null && options.getMaxObjects() > 0
                ? options.getMaxObjects() : defaultPageSize;
        return page(new ArrayDeque<>(all), pageSize <= 0 ? Integer.MAX_VALUE : pageSize, caller);
    }

    /** The next page of a token handed out to the same session (vSphere's tokens belong to their session). */
    RetrieveResult continuePage(String token, Caller caller) {
        PendingPages rest = token == null ? null : pages.get(token);
        if (rest == null || rest.owner() != caller.session() || !pages.remove(token, rest)) {
            throw VimFaults.invalidArgument("token");
        }
        return page(rest.remaining(), rest.pageSize(), caller);
    }

    void cancel(String token, Caller caller) {
        PendingPages rest = token == null ? null : pages.get(token);
        if (rest == null || rest.owner() != caller.session()) {
            throw VimFaults.invalidArgument("token");
        }
        pages.remove(token, rest);
    }

    /** Drops the pages a session left behind (it logged out or expired). */
    void sessionEnded(Session session) {
        pages.values().removeIf(p -> p.owner() == session);
    }

    /** Tokens handed out and neither read to the end nor cancelled. */
    int pendingTokens() {
        return pages.size();
    }

    /** Results not sent yet, waiting for ContinueRetrievePropertiesEx; owner null for an unauthenticated read. */
    private record PendingPages(Deque<ObjectContent> remaining, int pageSize, Session owner) {
    }

    private RetrieveResult page(Deque<ObjectContent> remaining, int pageSize, Caller caller) {
        RetrieveResult result = new RetrieveResult();
        while (!remaining.isEmpty() && result.getObjects().size() < pageSize) {
            result.getObjects().add(remaining.poll());
        }
        if (!remaining.isEmpty()) {
            String token = String.valueOf(inventory.nextNumber());
            pages.put(token, new PendingPages(remaining, pageSize, caller.session()));
            result.setToken(token);
        }
        return result;
    }

    /** The contents one filter spec selects (must be called under the inventory lock). */
    List<ObjectContent> contents(PropertyFilterSpec spec, Caller caller) {
        Map<String, ObjectContent> byObject = new LinkedHashMap<>();
        for (ObjectSpec objectSpec : spec.getObjectSet()) {
            for (ManagedObject object : walker.walk(objectSpec, caller)) {
                Optional<PropertySpec> propertySpec = spec.getPropSet().stream()
                        .filter(p -> TypeHierarchy.isA(object.type(), p.getType()))
                        .findFirst();
                if (propertySpec.isPresent() && !byObject.containsKey(object.toString())) {
                    byObject.put(object.toString(), content(object, propertySpec.get(), caller));
                }
            }
        }
        return new ArrayList<>(byObject.values());
    }

    private ObjectContent content(ManagedObject object, PropertySpec spec, Caller caller) {
        ObjectContent content = new ObjectContent();
        content.setObj(object.ref());
        List<String> wanted = Boolean.TRUE.equals(spec.isAll()) ? new ArrayList<>(object.names()) : spec.getPathSet();
        for (String path : wanted) {
            Optional<PropertyPaths.Resolved> resolved = paths.resolve(object, path, caller);
            if (resolved.isEmpty()) {
                content.getMissingSet().add(missing(path));
                continue;
            }
            Object wire = WireValues.toWire(copier.of(resolved.get().value()), resolved.get().declaredType());
            if (wire != null) {
                DynamicProperty property = new DynamicProperty();
                property.setName(path);
                property.setVal(wire);
                content.getPropSet().add(property);
            }
        }
        return content;
    }

    /** The current value of one property path, as sent on the wire (null when unset or invalid). */
    Object read(ManagedObject object, String path, Caller caller) {
        return paths.resolve(object, path, caller)
                .map(r -> WireValues.toWire(copier.of(r.value()), r.declaredType()))
                .orElse(null);
    }

    private static MissingProperty missing(String path) {
        InvalidProperty fault = new InvalidProperty();
        fault.setName(path);
        LocalizedMethodFault localized = new LocalizedMethodFault();
        localized.setFault(fault);
        localized.setLocalizedMessage("Property " + path + " is not valid for this object.");
        MissingProperty missing = new MissingProperty();
        missing.setPath(path);
        missing.setFault(localized);
        return missing;
    }
}
