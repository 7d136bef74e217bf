package io.jvirt.spi.xml;

/**
 * An {@code <interface>}.
 *
 * @param type         {@code bridge}, {@code user}, {@code network}, {@code null}, {@code vds}, ...
 * @param mac          the MAC address, or null when none was given
 * @param macType      {@code <mac type>}: {@code static}, {@code generated}, or null
 * @param macCheck     {@code <mac check>}: {@code yes}, {@code no}, or null
 * @param sourceBridge {@code <source bridge>} (type bridge) or {@code <source network>} (type network)
 * @param switchId     {@code <source switchid>} (type vds), or null
 * @param portId       {@code <source portid>} (type vds), or null
 * @param portgroupId  {@code <source portgroupid>} (type vds), or null
 * @param connectionId {@code <source connectionid>} (type vds), or null
 * @param targetDev    {@code <target dev>}, or null
 * @param model        {@code <model type>}, or null
 */
public record InterfaceDef(String type, MacAddress mac, String macType, String macCheck, String sourceBridge,
        java.util.UUID switchId, Long portId, String portgroupId, Long connectionId, String targetDev,
        String model) {

    public InterfaceDef withMac(MacAddress m) {
        return new InterfaceDef(type, m, macType, macCheck, sourceBridge, switchId, portId, portgroupId,
                connectionId, targetDev, model);
    }
}
