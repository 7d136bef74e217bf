package io.jvirt.esx.vi;

import io.jvirt.vim25.VimPortType;
import io.jvirt.vim25.VimReadPortType;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceFeature;
import jakarta.xml.ws.handler.Handler;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection's SOAP ports, seen by the session as one {@link VimPortType}: the operations of
 * {@link VimReadPortType} go to the read port, made with the connection; every other operation
 * goes to a full port, made on the connection's first call of such an operation (a read-only
 * command never makes one; see {@link VimServiceHolder}). Both ports share the connection's
 * features (its cookie store) and get the same request-context settings and handlers, so a call
 * behaves the same whichever port carries it.
 */
final class VimPorts {
    /** The {@link VimReadPortType} method of each {@link VimPortType} method name it has. */
    private static final Map<String, Method> READ_METHODS = readMethods();

    private final WebServiceFeature[] features;
    private final VimReadPortType read;
    private final VimPortType view;
    /** Settings for ports made later, in the order they were made. Guarded by this. */
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private List<Handler> handlers;
    private volatile VimPortType full;

    VimPorts(WebServiceFeature... features) {
        this.features = features.clone();
        this.read = VimServiceHolder.newReadPort(features);
        this.view = (VimPortType) Proxy.newProxyInstance(VimPorts.class.getClassLoader(),
                new Class<?>[] {VimPortType.class}, new Dispatch());
    }

    /** The port the session calls. */
    VimPortType port() {
        return view;
    }

    /** Sets a request-context entry on every port, now and made later. */
    synchronized void put(String key, Object value) {
        settings.put(key, value);
        ((BindingProvider) read).getRequestContext().put(key, value);
        VimPortType f = full;
        if (f != null) {
            ((BindingProvider) f).getRequestContext().put(key, value);
        }
    }

    /** Sets the handler chain of every port, now and made later. */
    synchronized void handlers(List<Handler> chain) {
        handlers = List.copyOf(chain);
        ((BindingProvider) read).getBinding().setHandlerChain(handlers);
        VimPortType f = full;
        if (f != null) {
            ((BindingProvider) f).getBinding().setHandlerChain(handlers);
        }
    }

    /** True once a call needed the full port. */
    boolean fullPortMade() {
        return full != null;
    }

    private VimPortType full() {
        VimPortType f = full;
        if (f != null) {
            return f;
        }
        synchronized (this) {
            if (full == null) {
                VimPortType made = VimServiceHolder.newPort(features);
                ((BindingProvider) made).getRequestContext().putAll(settings);
                if (handlers != null) {
                    ((BindingProvider) made).getBinding().setHandlerChain(handlers);
                }
                full = made;
            }
            return full;
        }
    }

    private final class Dispatch implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "VimPorts" + (full == null ? "[read]" : "[read, full]");
                };
            }
            Method readMethod = READ_METHODS.get(method.getName());
            try {
                return readMethod != null ? readMethod.invoke(read, args) : method.invoke(full(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private static Map<String, Method> readMethods() {
        Map<String, Method> map = new HashMap<>();
        for (Method m : VimReadPortType.class.getMethods()) {
            map.put(m.getName(), m);
        }
        return Map.copyOf(map);
    }
}
