package io.jvirt.vim25.typing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.vim25.ArrayOfAnyType;
import io.jvirt.vim25.ArrayOfByte;
import io.jvirt.vim25.ArrayOfHostHostBusAdapter;
import io.jvirt.vim25.ArrayOfScsiLun;
import io.jvirt.vim25.ArrayOfVirtualDevice;
import io.jvirt.vim25.VirtualCdrom;
import io.jvirt.vim25.VirtualDevice;
import io.jvirt.vim25.VirtualDeviceBackingInfo;
import io.jvirt.vim25.VirtualDevicePciBusSlotInfo;
import io.jvirt.vim25.VirtualDisk;
import io.jvirt.vim25.VirtualDiskFlatVer2BackingInfo;
import io.jvirt.vim25.VirtualEthernetCardDistributedVirtualPortBackingInfo;
import io.jvirt.vim25.VirtualVmxnet3;
import io.jvirt.vim25.DatastoreInfo;
import io.jvirt.vim25.DynamicData;
import io.jvirt.vim25.DynamicProperty;
import io.jvirt.vim25.HostConfigInfo;
import io.jvirt.vim25.HostInternetScsiHba;
import io.jvirt.vim25.HostScsiDisk;
import io.jvirt.vim25.InvalidState;
import io.jvirt.vim25.MethodFault;
import io.jvirt.vim25.ObjectContent;
import io.jvirt.vim25.ObjectFactory;
import io.jvirt.vim25.PMemDatastoreInfo;
import io.jvirt.vim25.RetrievePropertiesExResponse;
import io.jvirt.vim25.ScsiLun;
import io.jvirt.vim25.VsanDatastoreInfo;
import io.jvirt.vim25.VvolDatastoreInfo;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Answers with types the subset does or does not bind, read through the xsi:type fallback. */
class XsiTypeFallbackTest {
    private static JAXBContext context;
    private final List<String> warnings = new ArrayList<>();
    private final XsiTypeFallback fallback = XsiTypeFallback.create(warnings::add);

    @BeforeAll
    static void createContext() throws JAXBException {
        context = JAXBContext.newInstance(ObjectFactory.class);
    }

    @Test
    void vsanVvolAndPmemDatastoreInfosBindAsTheirOwnTypes() throws Exception {
        List<ObjectContent> objects = read("vcenter8-datastores.xml", fallback);
        VsanDatastoreInfo vsan = assertInstanceOf(VsanDatastoreInfo.class, prop(objects.get(0), "info"));
        assertEquals("vsanDatastore", vsan.getName());
        assertEquals("52a0b1c2-d3e4-f5a6-0b1c-2d3e4f5a6b7c", vsan.getMembershipUuid());
        assertEquals(4, vsan.getAccessGenNo());
        assertEquals(3298534883328L, vsan.getFreeSpace());
        VvolDatastoreInfo vvol = assertInstanceOf(VvolDatastoreInfo.class, prop(objects.get(1), "info"));
        assertEquals("vvol:8f1e2d3c4b5a6978-a1b2c3d4e5f60718", vvol.getVvolDS().getScId());
        assertEquals(2199023255552L, vvol.getVvolDS().getCapacity());
        PMemDatastoreInfo pmem = assertInstanceOf(PMemDatastoreInfo.class, prop(objects.get(2), "info"));
        assertEquals("pmem:5f1a2b3c-4d5e6f70-8192-a3b4c5d6e7f8", pmem.getPmem().getUuid());
        assertEquals("PMEM", prop(objects.get(2), "summary.type"));
        assertEquals(List.of(), warnings, "bound types need no fallback");
    }

    @Test
    void theSameAnswerWithoutTheFallbackBindsToo() throws Exception {
        List<ObjectContent> objects = read("vcenter8-datastores.xml", null);
        assertInstanceOf(VsanDatastoreInfo.class, prop(objects.get(0), "info"));
    }

    @Test
    void byteArraysKeepEveryElementInOrder() throws Exception {
        ObjectContent host = read("host-bytes-and-future-types.xml", fallback).get(0);
        ArrayOfByte certificate = assertInstanceOf(ArrayOfByte.class, prop(host, "config.certificate"));
        assertEquals(List.of((byte) 48, (byte) -126, (byte) 3), certificate.getByte());
        ScsiLun lun = assertInstanceOf(ArrayOfScsiLun.class, prop(host, "config.storageDevice.scsiLun")).getScsiLun().get(0);
        assertInstanceOf(HostScsiDisk.class, lun);
        assertEquals(List.of((byte) 0, (byte) 0, (byte) -123), lun.getStandardInquiry());
    }

    @Test
    void hostConfigInfoCertificateIsAListOfBytes() throws Exception {
        String xml = "<HostConfigInfo xmlns='urn:vim25'><certificate>1</certificate><certificate>-2</certificate>"
                + "<certificate>127</certificate></HostConfigInfo>";
        HostConfigInfo info = context.createUnmarshaller()
                .unmarshal(new javax.xml.transform.stream.StreamSource(new StringReader(xml)), HostConfigInfo.class).getValue();
        assertEquals(List.of((byte) 1, (byte) -2, (byte) 127), info.getCertificate());
    }

    @Test
    void aTypeNoReleaseHasIsReadAsDynamicDataInAPropertyValueWithAWarningNamingIt() throws Exception {
        ObjectContent host = read("host-bytes-and-future-types.xml", fallback).get(0);
        Object device = prop(host, "config.hardware.device.future");
        assertEquals(DynamicData.class, device.getClass());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("'VirtualMachineFutureDevice'") && w.contains("'DynamicData'")), warnings.toString());
    }

    @Test
    void withoutTheFallbackTheSameValueWouldBeARawDomElement() throws Exception {
        ObjectContent host = read("host-bytes-and-future-types.xml", null).get(0);
        assertInstanceOf(Element.class, prop(host, "config.hardware.device.future"));
    }

    @Test
    void aTypeNoReleaseHasInATypedFieldIsReadAsTheDeclaredType() throws Exception {
        ObjectContent host = read("host-bytes-and-future-types.xml", fallback).get(0);
        MethodFault fault = host.getMissingSet().get(0).getFault().getFault();
        assertEquals(MethodFault.class, fault.getClass());
        assertEquals("msg.future", fault.getFaultMessage().get(0).getKey());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("'FutureAccessFault'")), warnings.toString());
    }

    @Test
    void anArrayOfAPublishedTypeWithoutAWrapperIsReadAsTypedItems() throws Exception {
        ObjectContent host = read("host-bytes-and-future-types.xml", fallback).get(0);
        ArrayOfAnyType paths = assertInstanceOf(ArrayOfAnyType.class, prop(host, "config.multipathState.path"));
        assertEquals(2, paths.getAnyType().size());
        paths.getAnyType().forEach(p -> assertEquals(DynamicData.class, p.getClass()));
        ArrayOfAnyType hbas = assertInstanceOf(ArrayOfAnyType.class, prop(host, "config.storageDevice.hostBusAdapter"));
        HostInternetScsiHba hba = assertInstanceOf(HostInternetScsiHba.class, hbas.getAnyType().get(0));
        assertEquals("vmhba65", hba.getDevice());
        assertEquals("iqn.1998-01.com.vmware:esx01", hba.getIScsiName());
    }

    @Test
    void aPublishedSubtypeIsReadAsItsNearestBoundAncestorWithItsFields() throws Exception {
        // a hierarchy that knows types the subset does not bind, as a newer table would
        VimTypeHierarchy standard = VimTypeHierarchy.standard();
        Map<String, String> table = new HashMap<>(standard.table());
        table.put("FutureDatastoreInfo", "DatastoreInfo");
        table.put("HostFutureHba", "HostInternetScsiHba");
        table.put("FutureAccessFault", "InvalidState");
        VimTypeHierarchy newer = new VimTypeHierarchy(table, standard.boundTypes(),
                VimTypeHierarchy.SchemaNames.read(VimTypeHierarchy.MESSAGES_XSD).elements,
                VimTypeHierarchy.SchemaNames.read(VimTypeHierarchy.TYPES_XSD).anyTypeElements());
        XsiTypeFallback f = XsiTypeFallback.create(newer, warnings::add);

        ObjectContent host = read("host-bytes-and-future-types.xml", f).get(0);
        DatastoreInfo ds = assertInstanceOf(DatastoreInfo.class, prop(host, "datastore.info"));
        assertEquals(DatastoreInfo.class, ds.getClass());
        assertEquals("future-ds", ds.getName());
        assertEquals(7L, ds.getFreeSpace());
        assertInstanceOf(InvalidState.class, host.getMissingSet().get(0).getFault().getFault());

        String array = "<val xmlns='urn:vim25' xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xsi:type='ArrayOfHostFutureHba'>"
                + "<HostFutureHba><device>vmhba70</device><iScsiName>iqn.x</iScsiName></HostFutureHba>"
                + "<HostFutureHba xsi:type='HostFutureHba'><device>vmhba71</device></HostFutureHba></val>";
        Object value = context.createUnmarshaller().unmarshal(f.filter(reader(array)), DynamicProperty.class).getValue();
        assertNotNull(value);
        Set<String> names = warnings.stream().collect(Collectors.toSet());
        assertTrue(names.stream().anyMatch(w -> w.contains("'FutureDatastoreInfo'") && w.contains("'DatastoreInfo'")), names.toString());
    }

    @Test
    void anArrayOfAnUnboundSubtypeUsesTheAncestorsWrapperAndRenamesItsItems() throws Exception {
        VimTypeHierarchy standard = VimTypeHierarchy.standard();
        Map<String, String> table = new HashMap<>(standard.table());
        table.put("HostFutureHba", "HostHostBusAdapter");
        VimTypeHierarchy newer = new VimTypeHierarchy(table, standard.boundTypes(),
                VimTypeHierarchy.SchemaNames.read(VimTypeHierarchy.MESSAGES_XSD).elements,
                VimTypeHierarchy.SchemaNames.read(VimTypeHierarchy.TYPES_XSD).anyTypeElements());
        XsiTypeFallback f = XsiTypeFallback.create(newer, warnings::add);
        String xml = "<DynamicProperty xmlns='urn:vim25' xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'><name>hba</name>"
                + "<val xsi:type='ArrayOfHostFutureHba'>"
                + "<HostFutureHba><device>vmhba70</device></HostFutureHba>"
                + "<HostFutureHba xsi:type='HostFutureHba'><device>vmhba71</device></HostFutureHba></val></DynamicProperty>";
        DynamicProperty dp = context.createUnmarshaller().unmarshal(f.filter(reader(xml)), DynamicProperty.class).getValue();
        ArrayOfHostHostBusAdapter hbas = assertInstanceOf(ArrayOfHostHostBusAdapter.class, dp.getVal());
        assertEquals(List.of("vmhba70", "vmhba71"),
                hbas.getHostHostBusAdapter().stream().map(h -> h.getDevice()).toList());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("'ArrayOfHostFutureHba'")), warnings.toString());
    }

    @Test
    void aFaultDetailEntryOfAnUnboundFaultIsRenamedToItsAncestorsElement() throws Exception {
        VimTypeHierarchy standard = VimTypeHierarchy.standard();
        Map<String, String> table = new HashMap<>(standard.table());
        table.put("FutureVmFault", "InvalidState");
        VimTypeHierarchy newer = new VimTypeHierarchy(table, standard.boundTypes(),
                VimTypeHierarchy.SchemaNames.read(VimTypeHierarchy.MESSAGES_XSD).elements,
                VimTypeHierarchy.SchemaNames.read(VimTypeHierarchy.TYPES_XSD).anyTypeElements());
        XsiTypeFallback f = XsiTypeFallback.create(newer, warnings::add);
        String detail = "<FutureVmFaultFault xmlns='urn:vim25' xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'"
                + " xsi:type='FutureVmFault'><faultMessage><key>k</key></faultMessage></FutureVmFaultFault>";
        Object read = context.createUnmarshaller().unmarshal(f.filter(reader(detail)));
        JAXBElement<?> element = assertInstanceOf(JAXBElement.class, read);
        assertEquals("InvalidStateFault", element.getName().getLocalPart());
        assertEquals(InvalidState.class, element.getValue().getClass());

        String unknown = "<NobodysFault xmlns='urn:vim25' xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'"
                + " xsi:type='Nobodys'/>";
        JAXBElement<?> generic = assertInstanceOf(JAXBElement.class, context.createUnmarshaller().unmarshal(f.filter(reader(unknown))));
        assertEquals("MethodFaultFault", generic.getName().getLocalPart());
        assertEquals(MethodFault.class, generic.getValue().getClass());
    }

    @Test
    void eachFallbackIsReportedOnce() throws Exception {
        read("host-bytes-and-future-types.xml", fallback);
        int first = warnings.size();
        read("host-bytes-and-future-types.xml", fallback);
        assertEquals(first, warnings.size(), warnings.toString());
    }

    @Test
    void virtualDevicesAndBackingsBindAndAFutureDeviceIsReadAsVirtualDevice() throws Exception {
        ObjectContent vm = read("vm-devices.xml", fallback).get(0);
        List<VirtualDevice> devices = assertInstanceOf(ArrayOfVirtualDevice.class, prop(vm, "config.hardware.device")).getVirtualDevice();
        assertEquals(4, devices.size());
        VirtualDisk disk = assertInstanceOf(VirtualDisk.class, devices.get(0));
        VirtualDiskFlatVer2BackingInfo flat = assertInstanceOf(VirtualDiskFlatVer2BackingInfo.class, disk.getBacking());
        assertEquals("[vsanDatastore] 5f1a2b3c/web01.vmdk", flat.getFileName());
        assertEquals("datastore-17", flat.getDatastore().getValue());
        assertEquals(17179869184L, disk.getCapacityInBytes());
        VirtualVmxnet3 nic = assertInstanceOf(VirtualVmxnet3.class, devices.get(1));
        VirtualEthernetCardDistributedVirtualPortBackingInfo dvs =
                assertInstanceOf(VirtualEthernetCardDistributedVirtualPortBackingInfo.class, nic.getBacking());
        assertEquals("dvportgroup-31", dvs.getPort().getPortgroupKey());
        assertEquals(192, assertInstanceOf(VirtualDevicePciBusSlotInfo.class, nic.getSlotInfo()).getPciSlotNumber());
        assertEquals("00:50:56:9a:01:02", nic.getMacAddress());
        // a device no release has: its declared type, VirtualDevice, with the common fields
        VirtualDevice future = devices.get(2);
        assertEquals(VirtualDevice.class, future.getClass());
        assertEquals(16000, future.getKey());
        assertEquals("Quantum link 1", future.getDeviceInfo().getLabel());
        VirtualCdrom cdrom = assertInstanceOf(VirtualCdrom.class, devices.get(3));
        assertEquals(VirtualDeviceBackingInfo.class, cdrom.getBacking().getClass());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("'VirtualMachineFutureDevice'")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("'VirtualCdromFutureBackingInfo'")), warnings.toString());
    }

    private static Object prop(ObjectContent oc, String name) {
        return oc.getPropSet().stream().filter(p -> p.getName().equals(name)).findFirst()
                .map(DynamicProperty::getVal).orElseThrow(() -> new AssertionError("no property " + name));
    }

    private static XMLStreamReader reader(String xml) throws XMLStreamException {
        return XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(xml));
    }

    private static List<ObjectContent> read(String resource, XsiTypeFallback f) throws Exception {
        try (InputStream in = XsiTypeFallbackTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            XMLStreamReader r = XMLInputFactory.newFactory().createXMLStreamReader(in);
            Object answer = context.createUnmarshaller().unmarshal(f == null ? r : f.filter(r));
            Object value = answer instanceof JAXBElement<?> e ? e.getValue() : answer;
            return ((RetrievePropertiesExResponse) value).getReturnval().getObjects();
        }
    }
}
