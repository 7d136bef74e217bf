package io.jvirt.esx.proof;

import com.sun.xml.ws.developer.HttpConfigFeature;
import io.jvirt.fixtures.vcsim.Vcsim;
import io.jvirt.vim25.ArrayOfUserSession;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ObjectContent;
import io.jvirt.vim25.ObjectSpec;
import io.jvirt.vim25.PropertyFilterSpec;
import io.jvirt.vim25.PropertySpec;
import io.jvirt.vim25.ServiceContent;
import io.jvirt.vim25.UserSession;
import io.jvirt.vim25.VimPortType;
import io.jvirt.vim25.VimService;
import jakarta.xml.ws.BindingProvider;

import java.net.CookieManager;
import java.util.List;

/**
 * Counts the sessions vcsim holds, from the server's side: a separate client (the generated
 * vim25 port, not the driver) logged in as an observer reads {@code SessionManager.sessionList}.
 * The observer's own session is part of the list.
 */
final class VcsimSessionCounter implements AutoCloseable {
    private final VimPortType port;
    private final ServiceContent content;

    VcsimSessionCounter(Vcsim vcsim) throws Exception {
        port = new VimService().getVimPort(new HttpConfigFeature(new CookieManager()));
        ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, vcsim.sdkUrl().toString());
        ((BindingProvider) port).getRequestContext().put(BindingProvider.SESSION_MAINTAIN_PROPERTY, true);
        ManagedObjectReference instance = new ManagedObjectReference();
        instance.setType("ServiceInstance");
        instance.setValue("ServiceInstance");
        content = port.retrieveServiceContent(instance);
        port.login(content.getSessionManager(), vcsim.username(), vcsim.password(), null);
    }

    /** The sessions on the server now, the observer's included. */
    List<UserSession> sessions() throws Exception {
        PropertySpec props = new PropertySpec();
        props.setType("SessionManager");
        props.getPathSet().add("sessionList");
        ObjectSpec object = new ObjectSpec();
        object.setObj(content.getSessionManager());
        PropertyFilterSpec spec = new PropertyFilterSpec();
        spec.getPropSet().add(props);
        spec.getObjectSet().add(object);
        List<ObjectContent> result = port.retrievePropertiesEx(content.getPropertyCollector(), List.of(spec), null).getObjects();
        if (result.isEmpty() || result.get(0).getPropSet().isEmpty()) {
            return List.of();
        }
        return List.copyOf(((ArrayOfUserSession) result.get(0).getPropSet().get(0).getVal()).getUserSession());
    }

    @Override
    public void close() throws Exception {
        port.logout(content.getSessionManager());
    }
}
