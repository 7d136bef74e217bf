package io.jvirt.conformance;

/**
 * A one-case corpus for the runner's tests: a minimal {@code .vmx} and the domain XML libvirt's
 * vmx2xml gives for it.
 */
public final class OneCase {
    public static final String VMX = "config.version = \"8\"\nvirtualHW.version = \"4\"\ndisplayName = \"t\"\n";
    public static final String XML = """
            <domain type='vmware'>
              <name>t</name>
              <uuid>00000000-0000-0000-0000-000000000000</uuid>
              <memory unit='KiB'>32768</memory>
              <currentMemory unit='KiB'>32768</currentMemory>
              <vcpu placement='static'>1</vcpu>
              <os>
                <type arch='i686'>hvm</type>
              </os>
              <clock offset='utc'/>
              <on_poweroff>destroy</on_poweroff>
              <on_reboot>restart</on_reboot>
              <on_crash>destroy</on_crash>
              <devices>
                <video>
                  <model type='vmvga' vram='4096' primary='yes'/>
                </video>
              </devices>
            </domain>
            """;

    private OneCase() {
    }
}
