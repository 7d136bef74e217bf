package io.jvirt.esx.vi;

import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Connection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoapTraceTest {

    @Test
    void masksPasswordElementsWithAnyPrefix() {
        assertEquals("<Login><userName>root</userName><password>***</password></Login>",
                SoapTrace.mask("<Login><userName>root</userName><password>s3cr&lt;et</password></Login>"));
        assertEquals("<v:password xsi:type='x'>***</v:password>",
                SoapTrace.mask("<v:password xsi:type='x'>multi\nline</v:password>"));
    }

    @Test
    void aTextWithoutAPasswordElementIsLoggedAsItIs() {
        String answer = "<RetrievePropertiesExResponse><returnval><name>Password policy</name></returnval>"
                + "</RetrievePropertiesExResponse>";
        assertSame(answer, SoapTrace.mask(answer), "not copied, not scanned by the pattern");
        assertEquals("<passwordHint>x</passwordHint><password>***</password>",
                SoapTrace.mask("<passwordHint>x</passwordHint><password>y</password>"));
    }

    @Test
    void debugLoggingShowsTrafficButNeverThePassword() throws Exception {
        Logger logger = Logger.getLogger(SoapTrace.LOGGER);
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(capture);
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 1);
             Connection c = SimulatedConnection.esx(sim, "")) {
            c.listAllDomains();
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
        String all = String.join("\n", lines);
        assertTrue(all.contains("SOAP request to") && all.contains("RetrievePropertiesEx"), all);
        assertTrue(all.contains("Login") && all.contains("***"), "the login is logged, masked");
        assertFalse(all.contains(">password<"), "the simulator's password never appears");
    }
}
