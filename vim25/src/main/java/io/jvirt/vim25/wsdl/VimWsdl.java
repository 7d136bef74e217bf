package io.jvirt.vim25.wsdl;

import java.net.URL;

/**
 * The vSphere Web Services WSDL and schemas this module was generated from, kept next to this
 * class. Asked through this class because resources in a named module are found only by its own
 * code (a caller in another module gets null from {@code Class.getResource}).
 */
public final class VimWsdl {
    private VimWsdl() {
    }

    /**
     * {@code vimService.wsdl}, which imports {@code vim.wsdl} and its schemas beside it; null only
     * when the jar was built without it.
     */
    public static URL serviceWsdl() {
        return VimWsdl.class.getResource("vimService.wsdl");
    }

    /**
     * {@code vimReadService.wsdl}: the same service with only the read operations of
     * {@code vim.wsdl} ({@code vimRead.wsdl}, for {@link io.jvirt.vim25.VimReadPortType}), which
     * parses in a fraction of the time; null only when the jar was built without it.
     */
    public static URL readServiceWsdl() {
        return VimWsdl.class.getResource("vimReadService.wsdl");
    }
}
