package io.jvirt.simulator;

import com.sun.xml.ws.developer.HttpConfigFeature;
import com.sun.xml.ws.developer.JAXWSProperties;
import io.jvirt.vim25.DynamicProperty;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ObjectContent;
import io.jvirt.vim25.ObjectSpec;
import io.jvirt.vim25.PropertyFilterSpec;
import io.jvirt.vim25.PropertySpec;
import io.jvirt.vim25.ServiceContent;
import io.jvirt.vim25.TaskInfo;
import io.jvirt.vim25.TaskInfoState;
import io.jvirt.vim25.VimPortType;
import io.jvirt.vim25.VimService;
import jakarta.xml.ws.BindingProvider;
import java.net.CookieManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** A minimal vSphere client over the generated port, for the simulator's own tests. */
final class SimulatorClient {

    final VimPortType port;
    final ServiceContent content;

    SimulatorClient(VimService service, VsphereSimulator sim, SSLContext tls) throws Exception {
        this(service, sim, tls, new CookieManager());
    }

    /** With a given cookie store, to share the session with plain HTTP requests (datastore files). */
    SimulatorClient(VimService service, VsphereSimulator sim, SSLContext tls, CookieManager cookies) throws Exception {
        port = service.getVimPort(new HttpConfigFeature(cookies));
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, sim.sdkUrl().toString());
        context.put(BindingProvider.SESSION_MAINTAIN_PROPERTY, true);
        context.put("com.sun.xml.ws.request.timeout", 20_000);
        if (tls != null) {
            context.put(JAXWSProperties.SSL_SOCKET_FACTORY, tls.getSocketFactory());
        }
        content = port.retrieveServiceContent(Refs.of("ServiceInstance", "ServiceInstance"));
    }

    SimulatorClient login(VsphereSimulator sim) throws Exception {
        port.login(content.getSessionManager(), sim.username(), sim.password(), null);
        return this;
    }

    /** Property values of one object, by path. */
    Map<String, Object> read(ManagedObjectReference object, String... paths) throws Exception {
        PropertySpec props = new PropertySpec();
        props.setType(object.getType());
        props.getPathSet().addAll(List.of(paths));
        ObjectSpec objects = new ObjectSpec();
        objects.setObj(object);
        objects.setSkip(false);
        PropertyFilterSpec spec = new PropertyFilterSpec();
        spec.getPropSet().add(props);
        spec.getObjectSet().add(objects);
        Map<String, Object> values = new HashMap<>();
        for (ObjectContent oc : port.retrieveProperties(content.getPropertyCollector(), List.of(spec))) {
            for (DynamicProperty p : oc.getPropSet()) {
                values.put(p.getName(), p.getVal());
            }
        }
        return values;
    }

    TaskInfo waitForTask(ManagedObjectReference task) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            TaskInfo info = (TaskInfo) read(task, "info").get("info");
            if (info.getState() == TaskInfoState.SUCCESS || info.getState() == TaskInfoState.ERROR) {
                return info;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("task did not finish: " + task.getValue());
    }

    ManagedObjectReference vmByName(String name) throws Exception {
        ManagedObjectReference view = port.createContainerView(content.getViewManager(), content.getRootFolder(),
                List.of("VirtualMachine"), true);
        try {
            for (ManagedObjectReference vm : ((io.jvirt.vim25.ArrayOfManagedObjectReference) read(view, "view").get("view"))
                    .getManagedObjectReference()) {
                if (name.equals(read(vm, "name").get("name"))) {
                    return vm;
                }
            }
            throw new AssertionError("no VM " + name);
        } finally {
            port.destroyView(view);
        }
    }
}
