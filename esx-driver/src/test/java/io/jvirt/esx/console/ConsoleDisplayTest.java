package io.jvirt.esx.console;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.GraphicsDef;
import io.jvirt.spi.xml.Password;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** virsh's VNC URI form for a VMX with RemoteDisplay.vnc.*: display number = port - 5900, password only when asked. */
class ConsoleDisplayTest {

    @Test
    void vncUriLikeVirshs() {
        GraphicsDef vnc = new GraphicsDef("vnc", 5903, false, null, Password.of("s3cret"), List.of());
        assertEquals("vnc://esx1.example.com:3", ConsoleDisplay.vncUri("esx1.example.com", vnc, false));
        assertEquals("vnc://:s3cret@esx1.example.com:3", ConsoleDisplay.vncUri("esx1.example.com", vnc, true));
        GraphicsDef noPassword = new GraphicsDef("vnc", 5900, false, null, null, List.of());
        assertEquals("vnc://h:0", ConsoleDisplay.vncUri("h", noPassword, true));
        GraphicsDef auto = new GraphicsDef("vnc", -1, true, null, null, List.of());
        assertEquals(ErrorCode.OPERATION_FAILED,
                assertThrows(HypervisorException.class, () -> ConsoleDisplay.vncUri("h", auto, false)).code());
    }
}
