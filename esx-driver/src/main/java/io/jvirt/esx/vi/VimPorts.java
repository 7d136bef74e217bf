package io.jvirt.esx.vi;

import com.sun.xml.ws.developer.HttpConfigFeature;
import io.jvirt.esx.soap.SoapClient;
import io.jvirt.esx.transport.TransportConfig;
import io.jvirt.vim25.VimPortType;
import io.jvirt.vim25.VimReadPortType;
import io.jvirt.vim25.typing.XsiTypeFallback;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.Handler;
import jakarta.xml.ws.handler.MessageContext;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.CookieHandler;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection's SOAP clients, seen by the session as one {@link VimPortType}: the operations of
 * {@link VimReadPortType} (connect, property reads, look-ups, log out) go to the connection's
 * {@link SoapClient}, which needs no JAX-WS runtime; every other operation goes to a JAX-WS
 * (Metro) port with every vim25 operation, made on the connection's first call of such an
 * operation (a read-only command never makes one; see {@link VimServiceHolder}). Both share the
 * connection's cookie jar, TLS, proxy, timeouts, xsi:type fallback and request settings, so a
 * call behaves the same whichever carries it.
 */
final class VimPorts {
    /** The {@link VimReadPortType} method of each {@link VimPortType} method name it has. */
    private static final Map<String, Method> READ_METHODS = readMethods();

    private final SoapClient reads;
    private final TransportConfig transport;
    private final CookieHandler cookies;
    private final XsiTypeFallback fallback;
    private final VimPortType view;
    /** Settings for the full port, in the order they were made. Guarded by this. */
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private List<Handler> handlers;
    private volatile VimPortType full;

    VimPorts(String host, URL address, TransportConfig transport, CookieHandler cookies, XsiTypeFallback fallback) {
        this.transport = transport;
        this.cookies = cookies;
        this.fallback = fallback;
        this.reads = new SoapClient(host, address, transport, cookies, fallback,
                SoapTrace.enabled() ? SoapTrace::log : null);
        this.settings.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address.toString());
        this.view = (VimPortType) Proxy.newProxyInstance(VimPorts.class.getClassLoader(),
                new Class<?>[] {VimPortType.class}, new Dispatch());
    }

    /** The port the session calls. */
    VimPortType port() {
        return view;
    }

    /**
     * Sets a request-context entry of every port, now and made later: the endpoint address, the
     * SOAPAction and extra HTTP headers apply to the read client too.
     */
    @SuppressWarnings("unchecked")
    synchronized void put(String key, Object value) {
        settings.put(key, value);
        switch (key) {
            case BindingProvider.SOAPACTION_URI_PROPERTY -> reads.soapAction((String) value);
            case MessageContext.HTTP_REQUEST_HEADERS -> reads.headers((Map<String, List<String>>) value);
            case BindingProvider.ENDPOINT_ADDRESS_PROPERTY -> {
                try {
                    reads.address(new URL((String) value));
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("not a URL: " + value, e);
                }
            }
            default -> {
            }
        }
        VimPortType f = full;
        if (f != null) {
            ((BindingProvider) f).getRequestContext().put(key, value);
        }
    }

    /** Sets the handler chain of the full port, now or when it is made (the read client traces itself). */
    synchronized void handlers(List<Handler> chain) {
        handlers = List.copyOf(chain);
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
                VimPortType made = VimServiceHolder.newPort(new HttpConfigFeature(cookies));
                Map<String, Object> rc = ((BindingProvider) made).getRequestContext();
                rc.put(BindingProvider.SESSION_MAINTAIN_PROPERTY, Boolean.TRUE);
                rc.put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
                transport.applyTo(rc, fallback);
                rc.putAll(settings);
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
            if (readMethod != null) {
                return reads.invoke(readMethod, args);
            }
            try {
                return method.invoke(full(), args);
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
