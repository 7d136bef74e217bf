package io.jvirt.simulator;

import io.jvirt.vim25.ObjectFactory;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

/** The (immutable, thread-safe) JAXB context of the vim25 types, created once on first use. */
final class VimJaxb {

    private VimJaxb() {
    }

    static JAXBContext context() {
        return Holder.CONTEXT;
    }

    private static final class Holder {
        private static final JAXBContext CONTEXT = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(ObjectFactory.class);
            } catch (JAXBException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
