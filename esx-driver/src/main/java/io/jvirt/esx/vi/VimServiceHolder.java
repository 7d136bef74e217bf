package io.jvirt.esx.vi;

import io.jvirt.vim25.VimService;

/**
 * The JAX-WS {@link VimService}, created once (it costs ~1 s: the WSDL is parsed and the JAXB
 * context built). It holds no per-connection state: every connection gets its own port with its
 * own cookie store, TLS, proxy and endpoint address.
 */
final class VimServiceHolder {
    private VimServiceHolder() {
    }

    /** Initialised on first use by the JVM's class-initialisation lock (lazy holder idiom). */
    private static final class Lazy {
        static final VimService SERVICE = new VimService();
    }

    static VimService service() {
        return Lazy.SERVICE;
    }
}
