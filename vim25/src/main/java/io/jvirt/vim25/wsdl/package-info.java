/** The vim25 WSDL and schemas this module is generated from, and {@link io.jvirt.vim25.wsdl.VimWsdl} to reach them. */
package io.jvirt.vim25.wsdl;
