package io.jvirt.conformance.corpus;

import io.jvirt.vmx.VmxEntry;
import io.jvirt.vmx.VmxFile;
import io.jvirt.vmx.VmxParser;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.Difference;

/** Compares outputs: XML as trees (attribute order and whitespace ignored), VMX as sets of lines. */
public final class CorpusComparator {
    private CorpusComparator() {
    }

    /** null when equal, else a description of the first difference. */
    public static String compareXml(String expected, String actual) {
        Diff diff = DiffBuilder.compare(expected).withTest(actual).ignoreWhitespace().checkForSimilar()
                .withDocumentBuilderFactory(secureFactory()).build();
        if (!diff.hasDifferences()) {
            return null;
        }
        Iterator<Difference> it = diff.getDifferences().iterator();
        return it.next().getComparison().toString().replace('\n', ' ');
    }

    /** null when the same {@code key = "value"} lines (keys case-insensitive), else the first difference. */
    public static String compareVmx(String expected, String actual) {
        Set<String> want = lines(VmxParser.parse(expected));
        Set<String> got = lines(VmxParser.parse(actual));
        for (String line : want) {
            if (!got.contains(line)) {
                return "missing line " + line;
            }
        }
        for (String line : got) {
            if (!want.contains(line)) {
                return "unexpected line " + line;
            }
        }
        return null;
    }

    private static Set<String> lines(VmxFile file) {
        Set<String> out = new LinkedHashSet<>();
        for (VmxEntry e : file.entries()) {
            out.add(e.key().toLowerCase(Locale.ROOT) + " = \"" + e.value() + "\"");
        }
        return out;
    }

    private static DocumentBuilderFactory secureFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
