package io.jvirt.esx.fuzz;

import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the seed inputs of {@link SoapResponseFuzzTest}: the simulator's real answers to the
 * fuzz sequence, each as it is and in the hostile shapes (fault, nested, entities, oversized,
 * HTML, empty, cut). Run from the repository root with the test class path:
 * {@code java -cp ... io.jvirt.esx.fuzz.SoapResponseSeeds esx-driver/src/test/resources/io/jvirt/esx/fuzz/SoapResponseFuzzTestInputs/hostileAnswer}
 */
public final class SoapResponseSeeds {
    private SoapResponseSeeds() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        try (VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(2).build().start();
             HostileServer server = new HostileServer(sim.port())) {
            SoapResponseFuzzTest.use(sim);
            server.arm(-1, 200, "text/xml", new byte[0]);
            server.record();
            SoapResponseFuzzTest.sequence(server.port());
            List<byte[]> answers = server.recorded();
            for (int i = 0; i < answers.size() && i < 16; i++) {
                for (int shape = 0; shape < 8; shape++) {
                    if (shape != 0 && shape != 1 && i > 3) {
                        continue; // the hostile shapes for the first answers are enough
                    }
                    byte[] body = answers.get(i);
                    byte[] input = new byte[body.length + 2];
                    input[0] = (byte) i;
                    input[1] = (byte) shape;
                    System.arraycopy(body, 0, input, 2, body.length);
                    Files.write(dir.resolve("seed-answer" + i + "-shape" + shape), input);
                }
            }
            System.out.println(answers.size() + " answers recorded into " + dir);
        }
    }
}
