package io.jvirt.conformance.contract;

/** The rows of the feature matrix: what a driver may support, checked by {@link DriverContractTest}. */
public enum Feature {
    DISCOVERY("open by URI scheme"),
    URI_REJECTION("bad URIs rejected with INVALID_ARG/NO_CONNECT"),
    AUTH_FAILURE("wrong credentials give AUTH_FAILED"),
    CONNECTION_INFO("type, version, hostname, URI, alive"),
    NODE_INFO("node info and capabilities XML"),
    LIST_DOMAINS("list domains with filters"),
    LOOKUP("lookup by id, name and UUID agree"),
    DOMAIN_INFO("domain info, state, OS type, persistence"),
    DOMAIN_XML("domain XML description"),
    XML_ROUNDTRIP("XML desc -> define -> XML desc stable"),
    LIFECYCLE("start, suspend, resume, destroy and invalid transitions"),
    DEFINE_UNDEFINE("define and undefine from XML"),
    SCHEDULER("scheduler parameters"),
    AUTOSTART("autostart get/set"),
    SNAPSHOTS("snapshot create, list, current, delete"),
    CLONE("clone: new name and UUID, same resources, lists, taken name refused"),
    STORAGE("storage pools and volumes"),
    NETWORKS("networks"),
    INTERFACES("host interfaces"),
    CONCURRENT_READS("concurrent reads from several threads"),
    READ_ONLY("read-only connection denies every change before any request"),
    REDEFINE("define of an existing domain changes it"),
    DEVICES("attach and detach devices");

    private final String description;

    Feature(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
