package io.jvirt.vim25.typing;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vim-bound-types.txt}, which the standard hierarchy reads at start-up instead of the
 * schema, lists exactly the named types of {@code vim-types.xsd}, sorted; and the hierarchy built
 * from it answers every other question from the schema and the published table, read on demand.
 */
class BoundTypesTest {

    @Test
    void theListIsTheSchemasNamedTypes() throws Exception {
        List<String> listed = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                VimTypeHierarchy.open(VimTypeHierarchy.BOUND_TYPES), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    listed.add(line);
                }
            }
        }
        List<String> schema = new ArrayList<>(new TreeSet<>(VimTypeHierarchy.SchemaNames.read(VimTypeHierarchy.TYPES_XSD).types));
        assertEquals(schema, listed, "regenerate vim-bound-types.txt from vim-types.xsd (its header says how)");
    }

    @Test
    void theStandardHierarchyAnswersAsTheSchemaDoes() {
        VimTypeHierarchy standard = VimTypeHierarchy.load();
        VimTypeHierarchy.SchemaNames types = VimTypeHierarchy.SchemaNames.read(VimTypeHierarchy.TYPES_XSD);
        for (String t : types.types) {
            assertTrue(standard.isBound(t), t);
        }
        assertFalse(standard.isBound("HostDiskPartitionLayout"), "a published type the subset leaves out");
        assertEquals("DynamicData", standard.nearestBound("HostDiskPartitionLayout").orElseThrow());
        assertTrue(standard.isBoundElement("InvalidPropertyFault"));
        assertTrue(standard.isAnyTypeElement("val"));
    }
}
