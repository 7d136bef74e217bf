package io.jvirt.vim25;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Shows that the generated vim25 bindings read and write the shapes real servers use. */
class Vim25BindingTest {

    private static JAXBContext context;

    @BeforeAll
    static void createContext() throws JAXBException {
        context = JAXBContext.newInstance(ObjectFactory.class);
    }

    @Test
    void dynamicPropertyValuesArriveTypedEvenWithVcsimsOddXsiPrefix() throws Exception {
        RetrieveResult result = readResponse().getReturnval();

        assertEquals("page-2", result.getToken());
        ObjectContent vm = result.getObjects().get(0);
        assertEquals("VirtualMachine", vm.getObj().getType());
        assertEquals("42", vm.getObj().getValue());

        Map<String, Object> props = vm.getPropSet().stream()
                .collect(Collectors.toMap(DynamicProperty::getName, DynamicProperty::getVal));
        assertEquals(2048, props.get("config.hardware.memoryMB"));
        assertEquals(VirtualMachinePowerState.POWERED_ON, props.get("runtime.powerState"));

        ArrayOfGuestNicInfo nics = assertInstanceOf(ArrayOfGuestNicInfo.class, props.get("guest.net"));
        GuestNicInfo nic = nics.getGuestNicInfo().get(0);
        assertEquals("VM Network", nic.getNetwork());
        assertEquals(List.of("192.168.122.10"), nic.getIpAddress());
        assertEquals(24, nic.getIpConfig().getIpAddress().get(0).getPrefixLength());

        ResourceAllocationInfo cpu = assertInstanceOf(ResourceAllocationInfo.class, props.get("config.cpuAllocation"));
        assertEquals(-1L, cpu.getLimit());
        assertEquals(SharesLevel.NORMAL, cpu.getShares().getLevel());

        ArrayOfManagedObjectReference datastores =
                assertInstanceOf(ArrayOfManagedObjectReference.class, props.get("datastore"));
        assertEquals("datastore-11", datastores.getManagedObjectReference().get(0).getValue());

        // A type outside our subset still arrives, as DOM, instead of failing the whole answer.
        assertInstanceOf(Element.class, props.get("someFuturePropertyWeDoNotModel"));

        MissingProperty missing = vm.getMissingSet().get(0);
        assertEquals("summary.config", missing.getPath());
        NotAuthenticated fault = assertInstanceOf(NotAuthenticated.class, missing.getFault().getFault());
        assertEquals("System.View", fault.getPrivilegeId());
    }

    @Test
    void traversalSpecsAreWrittenWithXsiTypeAndReadBackPolymorphically() throws Exception {
        TraversalSpec hostToVm = new TraversalSpec();
        hostToVm.setName("hostSystemToVm");
        hostToVm.setType("HostSystem");
        hostToVm.setPath("vm");
        hostToVm.setSkip(false);
        SelectionSpec byName = new SelectionSpec();
        byName.setName("managedEntityToParent");
        hostToVm.getSelectSet().add(byName);

        ObjectSpec spec = new ObjectSpec();
        spec.setObj(moref("HostSystem", "ha-host"));
        spec.setSkip(false);
        spec.getSelectSet().add(hostToVm);

        String xml = write(new JAXBElement<>(new QName("urn:vim25", "objectSet"), ObjectSpec.class, spec));
        assertTrue(xml.contains("type=\"TraversalSpec\""), xml);

        ObjectSpec back = context.createUnmarshaller()
                .unmarshal(new StreamSource(new StringReader(xml)), ObjectSpec.class).getValue();
        TraversalSpec readSpec = assertInstanceOf(TraversalSpec.class, back.getSelectSet().get(0));
        assertEquals("vm", readSpec.getPath());
        assertEquals(SelectionSpec.class, readSpec.getSelectSet().get(0).getClass());
        assertEquals("ha-host", back.getObj().getValue());
    }

    @Test
    void faultElementsCarryTheirVimTypeName() throws Exception {
        InvalidPowerState fault = new InvalidPowerState();
        fault.setExistingState(VirtualMachinePowerState.POWERED_OFF);
        String xml = write(new ObjectFactory().createInvalidStateFault(fault));
        assertTrue(xml.contains("InvalidStateFault"), xml);
        assertTrue(xml.contains("type=\"InvalidPowerState\""), xml);
        Object back = context.createUnmarshaller().unmarshal(new StringReader(xml));
        Function<Object, Object> value = o -> ((JAXBElement<?>) o).getValue();
        assertInstanceOf(InvalidPowerState.class, value.apply(back));
    }

    @Test
    void serviceLoadsItsWsdlFromTheClasspath() {
        VimService service = new VimService();
        assertNotNull(service.getWSDLDocumentLocation());
        assertTrue(service.getWSDLDocumentLocation().toString().endsWith("/io/jvirt/vim25/wsdl/vimService.wsdl"));
        assertNotNull(service.getVimPort());
    }

    private static RetrievePropertiesExResponse readResponse() throws JAXBException {
        InputStream in = Vim25BindingTest.class.getResourceAsStream("retrieve-properties-ex-response.xml");
        assertNotNull(in);
        return (RetrievePropertiesExResponse) context.createUnmarshaller().unmarshal(in);
    }

    private static String write(Object element) throws JAXBException {
        Marshaller marshaller = context.createMarshaller();
        StringWriter out = new StringWriter();
        marshaller.marshal(element, out);
        return out.toString();
    }

    private static ManagedObjectReference moref(String type, String value) {
        ManagedObjectReference ref = new ManagedObjectReference();
        ref.setType(type);
        ref.setValue(value);
        return ref;
    }
}
