package io.jvirt.cli.completion;

import java.util.List;

/** The names completion offers for a command's {@code <domain>}, {@code <pool>} or {@code <network>}. */
public interface Names {
    List<String> domains();

    List<String> pools();

    List<String> networks();

    /** No connection: nothing to offer. */
    Names NONE = new Names() {
        @Override
        public List<String> domains() {
            return List.of();
        }

        @Override
        public List<String> pools() {
            return List.of();
        }

        @Override
        public List<String> networks() {
            return List.of();
        }
    };
}
