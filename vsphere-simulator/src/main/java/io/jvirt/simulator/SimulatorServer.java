package io.jvirt.simulator;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import jakarta.xml.ws.Endpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;

/**
 * The HTTP(S) server on a loopback port: {@code /sdk} (the Metro endpoint behind the cookie and
 * SOAP filters) and {@code /folder} (the datastore file service) and {@code /screen} (VM screenshots).
 */
final class SimulatorServer implements AutoCloseable {

    private final HttpServer server;
    private final Endpoint endpoint;

    SimulatorServer(SimulatorServices services, TlsMaterial tls, int port, boolean requireSessionForFiles,
                    String username, String password, ExecutorService executor) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (tls != null) {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
            server = https;
        } else {
            server = HttpServer.create(address, 0);
        }
        server.setExecutor(executor);
        SessionCookieFilter cookies = new SessionCookieFilter(services.sessions, tls != null);
        HttpContext sdk = server.createContext("/sdk");
        sdk.getFilters().add(cookies);
        sdk.getFilters().add(new SoapRequestFilter(services.counter, services.faults, services.sessions));
        endpoint = Endpoint.create(new VimPortImpl(services));
        endpoint.publish(sdk);
        HttpContext folder = server.createContext("/folder",
                new FolderFileHandler(services.inventory, services.sessions, services.counter, requireSessionForFiles));
        folder.getFilters().add(cookies);
        server.createContext("/sdk/vimServiceVersions.xml",
                new ServiceVersionsHandler(services.serviceContent.getAbout().getApiVersion()));
        server.createContext("/screen", new ScreenHandler(services.inventory, services.counter, username, password));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        endpoint.stop();
        server.stop(0);
    }
}
