package io.jvirt.spi;

import io.jvirt.spi.Domain;
import io.jvirt.spi.TypedParameter;

import java.util.List;
import java.util.Optional;

/**
 * The statistics of one domain: libvirt's {@code virDomainStatsRecord}, typed parameters named
 * as libvirt names them ({@code state.state}, {@code cpu.time}, {@code balloon.current},
 * {@code net.0.rx.bytes}, {@code block.count}, ...), in the order virsh prints them.
 */
public record DomainStats(Domain domain, List<TypedParameter> params) {
    public DomainStats {
        params = List.copyOf(params);
    }

    /** The parameter with this name. */
    public Optional<TypedParameter> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
