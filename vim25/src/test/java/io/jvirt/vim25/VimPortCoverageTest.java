package io.jvirt.vim25;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.ws.RequestWrapper;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every vSphere method the ESX driver calls (esx-spec 3.11 and the session/collector calls) is on the port. */
class VimPortCoverageTest {

    private static final List<String> DRIVER_METHODS = List.of(
            "RetrieveServiceContent", "Login", "Logout", "SessionIsActive", "CurrentTime",
            "RetrieveProperties", "RetrievePropertiesEx", "ContinueRetrievePropertiesEx", "CancelRetrievePropertiesEx",
            "CreateFilter", "DestroyPropertyFilter", "WaitForUpdates", "WaitForUpdatesEx", "CancelWaitForUpdates",
            "CreateContainerView", "DestroyView", "FindByUuid", "FindByIp", "FindByInventoryPath",
            "PowerOnVM_Task", "PowerOffVM_Task", "SuspendVM_Task", "ResetVM_Task", "ShutdownGuest", "RebootGuest",
            "ReconfigVM_Task", "RegisterVM_Task", "UnregisterVM", "AnswerVM", "CancelTask",
            "CreateSnapshot_Task", "RevertToSnapshot_Task", "RemoveSnapshot_Task",
            "MigrateVM_Task", "RelocateVM_Task", "ValidateMigration", "ReconfigureAutostart",
            "SearchDatastore_Task", "SearchDatastoreSubFolders_Task", "MakeDirectory", "DeleteDatastoreFile_Task",
            "CreateVirtualDisk_Task", "CopyVirtualDisk_Task", "DeleteVirtualDisk_Task", "ZeroFillVirtualDisk_Task",
            "QueryVirtualDiskUuid", "RefreshDatastore",
            "AddVirtualSwitch", "RemoveVirtualSwitch", "AddPortGroup", "RemovePortGroup", "RescanHba",
            // watch: events and statistics
            "CreateCollectorForEvents", "DestroyCollector",
            // clone and console
            "CloneVM_Task", "PutUsbScanCodes", "AcquireTicket",
            // statistics and resume
            "QueryPerf", "QueryPerfProviderSummary", "QueryOptions", "ReadNextEvents", "RewindCollector");

    @Test
    void everyDriverMethodIsAnOperationOfThePort() {
        Set<String> operations = Arrays.stream(VimPortType.class.getMethods())
                .map(m -> m.getAnnotation(RequestWrapper.class))
                .filter(w -> w != null)
                .map(RequestWrapper::localName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(DRIVER_METHODS), operations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ArrayOfManagedObjectReference", "ArrayOfGuestNicInfo", "ArrayOfVirtualMachineSnapshotTree",
            "ArrayOfHostCpuIdInfo", "ArrayOfHostVirtualSwitch", "ArrayOfHostPortGroup", "ArrayOfPhysicalNic",
            "ArrayOfDatastoreHostMount", "ArrayOfAutoStartPowerInfo", "ArrayOfHostDatastoreBrowserSearchResults",
            "ArrayOfHostHostBusAdapter", "ArrayOfScsiLun", "ArrayOfEvent", "ArrayOfPerfCounterInfo", "ArrayOfString", "ArrayOfInt", "ArrayOfLong"})
    void arrayWrappersForPropertyValuesExist(String name) throws Exception {
        Class<?> wrapper = Class.forName("io.jvirt.vim25." + name);
        assertTrue(Arrays.stream(wrapper.getMethods()).anyMatch(m -> m.getReturnType() == List.class));
    }

    @Test
    void faultsFollowTheVimHierarchy() {
        assertTrue(RuntimeFault.class.isAssignableFrom(NotAuthenticated.class));
        assertTrue(InvalidState.class.isAssignableFrom(InvalidPowerState.class));
        assertTrue(FileFault.class.isAssignableFrom(FileNotFound.class));
        assertTrue(MethodFault.class.isAssignableFrom(InvalidLogin.class));
        assertTrue(SelectionSpec.class.isAssignableFrom(TraversalSpec.class));
        assertTrue(DynamicData.class.isAssignableFrom(SelectionSpec.class));
    }
}
