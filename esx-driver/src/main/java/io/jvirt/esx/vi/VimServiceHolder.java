package io.jvirt.esx.vi;

import io.jvirt.vim25.VimService;

/**
 * The JAX-WS {@link VimService}, created once (it costs ~1 s: the WSDL is parsed and the JAXB
 * context built). It holds no per-connection state: every connection gets its own port with its
 * own cookie store, TLS, proxy and endpoint address.
 */
public final class VimServiceHolder {
    private VimServiceHolder() {
    }

    /**
     * Initialised on first use by the JVM's class-initialisation lock (lazy holder idiom). The
     * first port builds the port's runtime model (JAXB context); later ports, whatever their
     * features, reuse it. Building it here, under the class-initialisation lock, means two
     * threads never build it twice (a {@link #prepare} thread and a connecting one).
     */
    private static final class Lazy {
        static final VimService SERVICE = create();

        private static VimService create() {
            VimService service = new VimService();
            service.getVimPort();
            return service;
        }
    }

    static VimService service() {
        return Lazy.SERVICE;
    }

    /**
     * Builds the SOAP client model now (WSDL, JAXB context, the port's runtime model: the bulk
     * of a first connection's time in a fresh JVM). Every later port reuses it; calling this on
     * another thread while the process does other start-up work overlaps the two. Idempotent.
     */
    public static void prepare() {
        service();
    }
}
