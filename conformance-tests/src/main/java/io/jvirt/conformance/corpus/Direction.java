package io.jvirt.conformance.corpus;

import java.util.Locale;

/** The two corpus directions. */
public enum Direction {
    VMX2XML, XML2VMX;

    public static Direction parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "vmx2xml" -> VMX2XML;
            case "xml2vmx" -> XML2VMX;
            default -> throw new IllegalArgumentException("unknown corpus direction '" + s
                    + "' (expected vmx2xml or xml2vmx)");
        };
    }
}
