package io.jvirt.esx.uri;

import io.jvirt.spi.uri.ConnectionUri;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Unknown query parameters are ignored with a warning that names them. */
class ParameterWarningTest {

    @Test
    void unknownParametersAreWarnedAboutOneByOne() {
        Logger logger = Logger.getLogger(EsxUriParameters.class.getName());
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel() == Level.WARNING) {
                    warnings.add(java.text.MessageFormat.format(r.getMessage(), r.getParameters()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            EsxUriParameters.parse(ConnectionUri.parse("esx://h/?foo=1&no_verify=1&authfile=/x&Bar"));
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(List.of("Ignoring unexpected query parameter 'foo'", "Ignoring unexpected query parameter 'authfile'",
                "Ignoring unexpected query parameter 'Bar'"), warnings);
    }
}
