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
}
