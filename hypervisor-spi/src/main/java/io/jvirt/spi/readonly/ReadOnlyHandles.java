package io.jvirt.spi.readonly;

import io.jvirt.spi.Connection;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainSnapshot;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.HostInterface;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.InterfaceAddressSource;
import io.jvirt.spi.Network;
import io.jvirt.spi.ReadOnlyAllowed;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import io.jvirt.spi.DomainStats;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;

/**
 * Makes a connection read-only whatever its driver, like libvirt's {@code virConnectOpenReadOnly}:
 * {@link #wrap} returns a connection whose handles (the connection itself, its domains,
 * snapshots, pools, volumes, networks and interfaces, however they are reached) let through only
 * the methods marked {@link ReadOnlyAllowed}. Every other method fails with
 * {@link ErrorCode#OPERATION_DENIED} ({@code read only access prevents Domain.create}) before the
 * driver is called, so nothing reaches the hypervisor. Asking for secure XML
 * ({@link DomainXmlFlag#SECURE}) or for the guest agent's addresses is denied too, as in libvirt.
 *
 * <p>The wrappers are JDK dynamic proxies of the public handle interfaces: nothing is global,
 * and each handle holds only its driver handle and the read-only connection it belongs to.
 */
public final class ReadOnlyHandles {

    /** Every handle interface of the API; a method of any of them is either allowed or denied. */
    public static final List<Class<?>> HANDLE_TYPES = List.of(Connection.class, Domain.class, DomainSnapshot.class,
            StoragePool.class, StorageVolume.class, Network.class, HostInterface.class);

    private ReadOnlyHandles() {
    }

    /** A read-only view of {@code connection}; closing it closes {@code connection}. */
    public static Connection wrap(Connection connection) {
        if (isReadOnlyHandle(connection)) {
            return connection;
        }
        return (Connection) proxy(Connection.class, connection, null);
    }

    /** True when {@code method} (of a handle interface) may be called on a read-only connection. */
    public static boolean allowed(Method method) {
        return method.isAnnotationPresent(ReadOnlyAllowed.class);
    }

    /** True for a handle made by {@link #wrap}. */
    public static boolean isReadOnlyHandle(Object handle) {
        return handle != null && Proxy.isProxyClass(handle.getClass())
                && Proxy.getInvocationHandler(handle) instanceof Handler;
    }

    /** The driver's own handle behind a read-only one, or {@code handle} itself. */
    static Object unwrap(Object handle) {
        if (handle instanceof List<?> list && list.stream().anyMatch(ReadOnlyHandles::isReadOnlyHandle)) {
            return list.stream().map(ReadOnlyHandles::unwrap).toList(); // e.g. domainStats(List<Domain>)
        }
        return isReadOnlyHandle(handle) ? ((Handler) Proxy.getInvocationHandler(handle)).delegate : handle;
    }

    private static Object proxy(Class<?> type, Object delegate, Connection root) {
        Handler h = new Handler(type, delegate, root);
        Object p = Proxy.newProxyInstance(ReadOnlyHandles.class.getClassLoader(), new Class<?>[] {type}, h);
        if (root == null) {
            h.root = (Connection) p;
        }
        return p;
    }

    private static final class Handler implements InvocationHandler {
        private final Class<?> type;
        private final Object delegate;
        private Connection root;

        Handler(Class<?> type, Object delegate, Connection root) {
            this.type = type;
            this.delegate = delegate;
            this.root = root;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> args[0] == proxy || (isReadOnlyHandle(args[0]) && delegate.equals(unwrap(args[0])));
                    case "hashCode" -> delegate.hashCode();
                    default -> delegate.toString();
                };
            }
            if (!allowed(method)) {
                throw denied(type.getSimpleName() + "." + method.getName());
            }
            checkArguments(method, args);
            if (type == Connection.class && method.getName().equals("isReadOnly")) {
                return true;
            }
            Object[] plain = args == null ? null : args.clone();
            if (plain != null) {
                for (int i = 0; i < plain.length; i++) {
                    plain[i] = unwrap(plain[i]);
                }
            }
            Object result;
            try {
                result = method.invoke(delegate, plain);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return wrapResult(result);
        }

        /** libvirt's extra read-only checks on arguments of allowed calls. */
        private void checkArguments(Method method, Object[] args) {
            if (args == null) {
                return;
            }
            for (Object a : args) {
                if (a instanceof Collection<?> flags && flags.contains(DomainXmlFlag.SECURE)) {
                    throw new HypervisorException(ErrorCode.OPERATION_DENIED, ErrorDomain.CORE,
                            type.getSimpleName() + "." + method.getName() + " with secure flag");
                }
                if (a == InterfaceAddressSource.AGENT) {
                    throw denied(type.getSimpleName() + "." + method.getName() + " from the guest agent");
                }
            }
        }

        private Object wrapResult(Object result) {
            if (result == null) {
                return null;
            }
            if (result instanceof Connection c) {
                return c == unwrap(root) ? root : wrap(c);
            }
            for (Class<?> t : HANDLE_TYPES) {
                if (t.isInstance(result)) {
                    return isReadOnlyHandle(result) ? result : proxy(t, result, root);
                }
            }
            if (result instanceof DomainStats stats) {
                return new DomainStats((Domain) wrapResult(stats.domain()), stats.params());
            }
            if (result instanceof List<?> list
                    && list.stream().anyMatch(o -> isHandle(o) || o instanceof DomainStats)) {
                return list.stream().map(this::wrapResult).toList();
            }
            return result;
        }

        private static boolean isHandle(Object o) {
            return HANDLE_TYPES.stream().anyMatch(t -> t.isInstance(o));
        }
    }

    private static HypervisorException denied(String what) {
        return new HypervisorException(ErrorCode.OPERATION_DENIED, ErrorDomain.CORE, "read only access prevents " + what);
    }
}
