package io.jvirt.esx.vi;

import io.jvirt.vim25.VimPortType;

/** One request on a port; may throw the generated fault exceptions. */
@FunctionalInterface
public interface VimCall<T> {
    T call(VimPortType port) throws Exception;
}
