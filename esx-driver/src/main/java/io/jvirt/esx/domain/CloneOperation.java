package io.jvirt.esx.domain;

import io.jvirt.spi.CloneOptions;
import io.jvirt.spi.Domain;
import io.jvirt.spi.ProgressListener;

/** Clone of a domain (implemented by {@code io.jvirt.esx.domain.clone.DomainCloner}). */
public interface CloneOperation {
    Domain clone(EsxDomain source, String newName, CloneOptions options, ProgressListener progress);
}
