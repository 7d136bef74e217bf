package io.jvirt.esx.console;

import io.jvirt.esx.domain.ConsoleOperations;
import io.jvirt.esx.domain.EsxDomain;
import io.jvirt.esx.domain.WriteContext;
import io.jvirt.spi.DomainJobInfo;
import io.jvirt.spi.Screenshot;
import io.jvirt.spi.keys.KeycodeSet;

import java.time.Clock;

/** The console operations of one connection's domains, each delegated to its own class here. */
public final class DomainConsole implements ConsoleOperations {
    private final WriteContext ctx;
    private final Clock clock;

    public DomainConsole(WriteContext ctx, Clock clock) {
        this.ctx = ctx;
        this.clock = clock;
    }

    @Override
    public Screenshot screenshot(EsxDomain d, int screen) {
        return new Screenshots(ctx).take(d, screen);
    }

    @Override
    public void sendKey(EsxDomain d, KeycodeSet codeset, int holdTimeMs, int[] keycodes) {
        new KeySender(ctx).send(d, codeset, holdTimeMs, keycodes);
    }

    @Override
    public String displayUri(EsxDomain d, String type, boolean includePassword) {
        return new ConsoleDisplay(ctx).uri(d, type, includePassword);
    }

    @Override
    public DomainJobInfo jobInfo(EsxDomain d) {
        return new DomainJobs(ctx, clock).info(d);
    }

    @Override
    public void abortJob(EsxDomain d) {
        new DomainJobs(ctx, clock).abort(d);
    }
}
