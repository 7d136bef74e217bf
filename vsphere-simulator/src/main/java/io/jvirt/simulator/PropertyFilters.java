package io.jvirt.simulator;

import io.jvirt.vim25.DynamicProperty;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ObjectContent;
import io.jvirt.vim25.ObjectUpdate;
import io.jvirt.vim25.ObjectUpdateKind;
import io.jvirt.vim25.PropertyChange;
import io.jvirt.vim25.PropertyChangeOp;
import io.jvirt.vim25.PropertyFilterSpec;
import io.jvirt.vim25.PropertyFilterUpdate;
import io.jvirt.vim25.UpdateSet;
import io.jvirt.vim25.WaitOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Property filters (CreateFilter / DestroyPropertyFilter) and the WaitForUpdates(Ex) long poll:
 * each poll reports what changed, per filter, since the values the session last saw.
 */
final class PropertyFilters {

    private static final long CANCEL_CHECK_MILLIS = 200;

    private final Inventory inventory;
    private final PropertyCollector collector;

    PropertyFilters(Inventory inventory, PropertyCollector collector) {
        this.inventory = inventory;
        this.collector = collector;
    }

    /** One filter: its spec and the values last reported for it (object -> path -> fingerprint). */
    private static final class Filter {
        final ManagedObject object;
        final PropertyFilterSpec spec;
        final Session owner;
        final Map<String, Map<String, String>> seen = new HashMap<>();

        Filter(ManagedObject object, PropertyFilterSpec spec, Session owner) {
            this.object = object;
            this.spec = spec;
            this.owner = owner;
        }
    }

    private final Map<String, Filter> filters = new HashMap<>();
    /** Sessions whose pending WaitForUpdates(Ex) was cancelled by CancelWaitForUpdates. */
    private final Set<Session> cancelled = new HashSet<>();

    /** CancelWaitForUpdates: the session's pending wait ends with RequestCanceled. */
    void cancelWait(Caller caller) {
        synchronized (inventory) {
            cancelled.add(caller.session());
            inventory.notifyAll();
        }
    }

    ManagedObjectReference create(PropertyFilterSpec spec, Caller caller) {
        return inventory.write(() -> {
            ManagedObject object = new ManagedObject("PropertyFilter", inventory.nextId("session[filter]"));
            object.set("spec", spec);
            inventory.add(object);
            filters.put(object.value(), new Filter(object, spec, caller.session()));
            return object.ref();
        });
    }

    void destroy(ManagedObjectReference ref) {
        inventory.write(() -> {
            ManagedObject object = inventory.require(ref, "PropertyFilter");
            filters.remove(object.value());
            inventory.remove(object.ref());
        });
    }

    /** Blocks until something changed; null when {@code options.maxWaitSeconds} passed without change. */
    UpdateSet waitForUpdates(String version, WaitOptions options, Caller caller) throws InterruptedException {
        Integer maxWait = options == null ? null : options.getMaxWaitSeconds();
        long deadline = maxWait == null ? Long.MAX_VALUE : System.currentTimeMillis() + maxWait * 1000L;
        synchronized (inventory) {
            cancelled.remove(caller.session());
            long collectedAt = -1;
            while (true) {
                if (inventory.version() != collectedAt) {
                    collectedAt = inventory.version();
                    UpdateSet updates = collect(caller);
                    if (!updates.getFilterSet().isEmpty()) {
                        updates.setVersion(String.valueOf(inventory.version()));
                        return updates;
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return null;
                }
                // Short slices: a CancelWaitForUpdates or an expired session is noticed quickly.
                inventory.awaitChange(collectedAt, Math.min(left, CANCEL_CHECK_MILLIS));
                if (cancelled.remove(caller.session())) {
                    throw VimFaults.canceled();
                }
                if (!caller.authenticated() && caller.session() != null) {
                    throw Sessions.notAuthenticated();
                }
            }
        }
    }

    private UpdateSet collect(Caller caller) {
        UpdateSet set = new UpdateSet();
        for (Filter filter : filters.values()) {
            if (filter.owner != caller.session()) {
                continue;
            }
            PropertyFilterUpdate update = new PropertyFilterUpdate();
            update.setFilter(filter.object.ref());
            List<ObjectContent> now = collector.contents(filter.spec, caller);
            Set<String> present = new HashSet<>();
            for (ObjectContent content : now) {
                String key = content.getObj().getType() + ":" + content.getObj().getValue();
                present.add(key);
                Map<String, String> before = filter.seen.get(key);
                ObjectUpdate objectUpdate = new ObjectUpdate();
                objectUpdate.setObj(content.getObj());
                objectUpdate.setKind(before == null ? ObjectUpdateKind.ENTER : ObjectUpdateKind.MODIFY);
                Map<String, String> after = new HashMap<>();
                for (DynamicProperty property : content.getPropSet()) {
                    String print = ValueFingerprint.of(property.getVal());
                    after.put(property.getName(), print);
                    if (before == null || !print.equals(before.get(property.getName()))) {
                        objectUpdate.getChangeSet().add(change(property.getName(), PropertyChangeOp.ASSIGN, property.getVal()));
                    }
                }
                if (before != null) {
                    for (String gone : before.keySet()) {
                        if (!after.containsKey(gone)) {
                            objectUpdate.getChangeSet().add(change(gone, PropertyChangeOp.ASSIGN, null));
                        }
                    }
                }
                filter.seen.put(key, after);
                if (before == null || !objectUpdate.getChangeSet().isEmpty()) {
                    update.getObjectSet().add(objectUpdate);
                }
            }
            for (String key : new ArrayList<>(filter.seen.keySet())) {
                if (!present.contains(key)) {
                    filter.seen.remove(key);
                    ObjectUpdate leave = new ObjectUpdate();
                    String[] parts = key.split(":", 2);
                    leave.setObj(Refs.of(parts[0], parts[1]));
                    leave.setKind(ObjectUpdateKind.LEAVE);
                    update.getObjectSet().add(leave);
                }
            }
            if (!update.getObjectSet().isEmpty()) {
                set.getFilterSet().add(update);
            }
        }
        return set;
    }

    private static PropertyChange change(String name, PropertyChangeOp op, Object value) {
        PropertyChange change = new PropertyChange();
        change.setName(name);
        change.setOp(op);
        change.setVal(value);
        return change;
    }
}
