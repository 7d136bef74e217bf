package io.jvirt.vim25.typing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The subset against VMware's published hierarchy, and the generated table against its generator. */
class TypeTableTest {
    private static final Path GOVMOMI_TYPES =
            Path.of("/usr/share/gocode/src/github.com/vmware/govmomi/vim25/types/types.go");
    private static final Path SUPPLEMENT = Path.of("src/main/resources/io/jvirt/vim25/typing/vim-types-supplement.txt");
    private static final Path TABLE = Path.of("src/main/resources/io/jvirt/vim25/typing/vim-type-hierarchy.txt");

    private final VimTypeHierarchy hierarchy = VimTypeHierarchy.standard();

    @Test
    void everySubsetTypeIsPublishedWithTheSameBaseType() {
        VimTypeHierarchy.SchemaNames subset = VimTypeHierarchy.SchemaNames.read(VimTypeHierarchy.TYPES_XSD);
        Map<String, String> table = hierarchy.table();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String type : subset.types) {
            if (type.startsWith("ArrayOf") || !isComplex(subset, type)) {
                continue;
            }
            String base = Optional.ofNullable(subset.bases.get(type)).filter(b -> b.startsWith("vim25:"))
                    .map(b -> b.substring("vim25:".length())).orElse("-");
            String published = table.get(type);
            if (published == null) {
                problems.add(type + " is not a published vim25 type");
            } else if (!published.equals(base)) {
                problems.add(type + " extends " + base + " in the subset but " + published + " in VMware's definitions");
            }
            checked++;
        }
        assertEquals(List.of(), problems);
        assertTrue(checked > 240, "checked " + checked + " types");
    }

    private static boolean isComplex(VimTypeHierarchy.SchemaNames subset, String type) {
        // simple types (enumerations) are not in the table; complex types either extend or are roots
        return subset.bases.containsKey(type) || ROOTS.contains(type);
    }

    private static final List<String> ROOTS = List.of("DynamicData", "DynamicProperty", "MethodFault", "ManagedObjectReference");

    @Test
    void theRootsOfTheSubsetAreRootsOfTheTable() {
        for (String root : List.of("DynamicData", "DynamicProperty", "MethodFault")) {
            assertEquals("-", hierarchy.table().get(root), root);
            assertTrue(hierarchy.isBound(root), root);
        }
    }

    @Test
    void theTableIsWhatTheGeneratorMakesOfGovmomiAndTheSupplement() throws IOException {
        if (!Files.isRegularFile(GOVMOMI_TYPES)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("govmomi's vim25/types/types.go is missing at " + GOVMOMI_TYPES + " (CI installs golang-github-vmware-govmomi-dev)");
            }
            Assumptions.abort("govmomi source not installed at " + GOVMOMI_TYPES);
        }
        String generated = TypeTableGenerator.generate(GOVMOMI_TYPES, SUPPLEMENT);
        assertEquals(generated, Files.readString(TABLE, StandardCharsets.UTF_8),
                "vim-type-hierarchy.txt is stale: rerun TypeTableGenerator (see its javadoc)");
    }

    @Test
    void theTableOnTheClassPathIsTheCheckedInOne() throws IOException {
        try (InputStream in = VimTypeHierarchy.open(VimTypeHierarchy.TABLE)) {
            assertEquals(Files.readString(TABLE, StandardCharsets.UTF_8), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void publishedTypesFallBackToTheirNearestBoundAncestor() {
        // facts from VMware's definitions (govmomi types.go), not from our subset
        assertEquals(Optional.of("VsanDatastoreInfo"), hierarchy.nearestBound("VsanDatastoreInfo"));
        assertEquals(Optional.of("HostTcpHba"), hierarchy.nearestBound("HostTcpHba")); // 8.0 type, from the supplement
        assertEquals(Optional.of("VmConfigFault"), hierarchy.nearestBound("InvalidDeviceSpec")); // via InvalidVmConfig
        assertEquals(Optional.of("VmPoweredOnEvent"), hierarchy.nearestBound("DrsVmPoweredOnEvent")); // the subset binds its parent
        assertEquals(Optional.of("VmEvent"), hierarchy.nearestBound("VmEmigratingEvent"));
        assertEquals(Optional.of("VirtualDeviceConfigSpec"), hierarchy.nearestBound("VirtualDeviceConfigSpec")); // bound since issue 13
        assertEquals(Optional.of("DynamicData"), hierarchy.nearestBound("VirtualDeviceConfigSpecBackingSpec"));
        assertEquals(Optional.empty(), hierarchy.nearestBound("VirtualMachineFutureDevice"));
        assertTrue(hierarchy.isA("VsanDatastoreInfo", "DatastoreInfo"));
    }

    @Test
    void onlyAnyTypeElementsGetDynamicDataForTypesNobodyPublished() {
        assertTrue(hierarchy.isAnyTypeElement("val"));
        assertTrue(hierarchy.isAnyTypeElement("anyType"));
        assertTrue(!hierarchy.isAnyTypeElement("info"));
        assertTrue(!hierarchy.isAnyTypeElement("fault"));
    }
}
