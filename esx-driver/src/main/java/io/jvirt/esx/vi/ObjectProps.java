package io.jvirt.esx.vi;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.MissingProperty;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The properties of one managed object as the property collector returned them, in the order
 * the server sent them; {@code ArrayOfXxx} wrappers are unwrapped by {@link #list}.
 *
 * @param mor     the object
 * @param props   property path to value (insertion order = server order)
 * @param missing properties the server could not return
 */
public record ObjectProps(ManagedObjectReference mor, Map<String, Object> props, List<MissingProperty> missing) {

    public String type() {
        return mor.getType();
    }

    public String value() {
        return mor.getValue();
    }

    /** The value of a property, or empty. */
    public Optional<Object> get(String path) {
        return Optional.ofNullable(props.get(path));
    }

    /** A property of the given type, or empty when absent; wrong type is an error. */
    public <T> Optional<T> get(String path, Class<T> type) {
        Object v = props.get(path);
        if (v == null) {
            return Optional.empty();
        }
        if (!type.isInstance(v)) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Expecting type '" + type.getSimpleName() + "' but found '" + v.getClass().getSimpleName()
                            + "' for property '" + path + "' of " + Mor.text(mor));
        }
        return Optional.of(type.cast(v));
    }

    /** A required property. */
    public <T> T require(String path, Class<T> type) {
        return get(path, type).orElseThrow(() -> new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                "Missing '" + path + "' property of " + Mor.text(mor)));
    }

    public Optional<String> string(String path) {
        return get(path, String.class);
    }

    /** A list property ({@code ArrayOfXxx} unwrapped); empty list when absent. */
    @SuppressWarnings("unchecked")
    public <T> List<T> list(String path, Class<T> itemType) {
        Object v = props.get(path);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return (List<T>) l;
        }
        if (v.getClass().getSimpleName().startsWith("ArrayOf")) {
            for (Method m : v.getClass().getMethods()) {
                if (m.getParameterCount() == 0 && List.class.isAssignableFrom(m.getReturnType())
                        && m.getName().startsWith("get")) {
                    try {
                        List<?> items = (List<?>) m.invoke(v);
                        for (Object item : items) {
                            if (!itemType.isInstance(item)) {
                                throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                                        "Expecting items of type '" + itemType.getSimpleName() + "' in property '" + path + "'");
                            }
                        }
                        return (List<T>) items;
                    } catch (ReflectiveOperationException e) {
                        break;
                    }
                }
            }
        }
        throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                "Expecting a list for property '" + path + "' of " + Mor.text(mor) + " but found '"
                        + v.getClass().getSimpleName() + "'");
    }
}
