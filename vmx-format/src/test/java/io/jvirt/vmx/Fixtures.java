package io.jvirt.vmx;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates jvirt's shared VMX fixture corpus (test-fixtures/src/main/resources/io/jvirt/fixtures/vmx). */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path root() {
        String prop = System.getProperty("jvirt.fixtures.vmx");
        Path p = prop != null ? Path.of(prop)
                : Path.of("../test-fixtures/src/main/resources/io/jvirt/fixtures/vmx");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("fixture corpus not found at " + p.toAbsolutePath());
        }
        return p;
    }

    public static Path dir(String name) {
        return root().resolve(name);
    }
}
