package io.jvirt.esx.domain;

import io.jvirt.spi.DomainJobInfo;
import io.jvirt.spi.Screenshot;
import io.jvirt.spi.keys.KeycodeSet;

/**
 * Screen, keyboard, console URL and running jobs of a domain (implemented by
 * {@code io.jvirt.esx.console.DomainConsole}).
 */
public interface ConsoleOperations {
    Screenshot screenshot(EsxDomain d, int screen);

    void sendKey(EsxDomain d, KeycodeSet codeset, int holdTimeMs, int[] keycodes);

    String displayUri(EsxDomain d, String type, boolean includePassword);

    DomainJobInfo jobInfo(EsxDomain d);

    void abortJob(EsxDomain d);
}
