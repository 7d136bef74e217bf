package io.jvirt.esx.vi;

import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ObjectSpec;
import io.jvirt.vim25.PropertyFilterSpec;
import io.jvirt.vim25.PropertySpec;
import io.jvirt.vim25.SelectionSpec;
import io.jvirt.vim25.TraversalSpec;

import java.util.List;

/** Builders for property-collector specifications. */
public final class Specs {
    private Specs() {
    }

    public static PropertySpec props(String type, String... paths) {
        PropertySpec p = new PropertySpec();
        p.setType(type);
        p.setAll(Boolean.FALSE);
        p.getPathSet().addAll(List.of(paths));
        return p;
    }

    public static PropertySpec props(String type, List<String> paths) {
        return props(type, paths.toArray(String[]::new));
    }

    /** A traversal step; {@code next} may contain {@link #ref named references}. */
    public static TraversalSpec traverse(String name, String type, String path, SelectionSpec... next) {
        TraversalSpec t = new TraversalSpec();
        t.setName(name);
        t.setType(type);
        t.setPath(path);
        t.setSkip(Boolean.FALSE);
        t.getSelectSet().addAll(List.of(next));
        return t;
    }

    /** A reference to a traversal spec by name (for recursion). */
    public static SelectionSpec ref(String name) {
        SelectionSpec s = new SelectionSpec();
        s.setName(name);
        return s;
    }

    /** Start at {@code root}; {@code skip} leaves the root itself out of the result. */
    public static ObjectSpec from(ManagedObjectReference root, boolean skip, SelectionSpec... select) {
        ObjectSpec o = new ObjectSpec();
        o.setObj(root);
        o.setSkip(skip);
        o.getSelectSet().addAll(List.of(select));
        return o;
    }

    public static PropertyFilterSpec filter(List<ObjectSpec> objects, List<PropertySpec> props) {
        PropertyFilterSpec f = new PropertyFilterSpec();
        f.getObjectSet().addAll(objects);
        f.getPropSet().addAll(props);
        return f;
    }

    public static PropertyFilterSpec filter(ObjectSpec object, PropertySpec... props) {
        return filter(List.of(object), List.of(props));
    }
}
