package io.jvirt.spi;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import java.util.Objects;

/**
 * A named, typed value like libvirt's {@code virTypedParameter}: scheduler parameters
 * ({@code reservation}, {@code limit}, {@code shares}), memory parameters ({@code min_guarantee}).
 */
public record TypedParameter(String name, Type type, Object value) {

    /** The value types, after libvirt's {@code VIR_TYPED_PARAM_*}. */
    public enum Type { INT, UINT, LLONG, ULLONG, DOUBLE, BOOLEAN, STRING }

    public TypedParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        boolean ok = switch (type) {
            case INT, UINT -> value instanceof Integer;
            case LLONG, ULLONG -> value instanceof Long;
            case DOUBLE -> value instanceof Double;
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof String;
        };
        if (!ok) {
            throw new IllegalArgumentException("value of parameter '" + name + "' is not of type " + type);
        }
    }

    public static TypedParameter ofInt(String name, int value) {
        return new TypedParameter(name, Type.INT, value);
    }

    public static TypedParameter ofLong(String name, long value) {
        return new TypedParameter(name, Type.LLONG, value);
    }

    public static TypedParameter ofUnsignedLong(String name, long value) {
        return new TypedParameter(name, Type.ULLONG, value);
    }

    /** The value as a long (for the numeric types). */
    public long longValue() {
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.CORE,
                "parameter '" + name + "' has non-numeric type " + type);
    }

    /** As virsh prints it in {@code schedinfo}: {@code name : value}. */
    @Override
    public String toString() {
        return name + "=" + value;
    }
}
