package org.careweave.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in service that a test can take down and bring back on the same port, through {@code POST /down} and
 * {@code POST /up} on a separate switch server (tests and test resources may not share classes, but they share HTTP).
 */
final class StandInSwitch {

    private final String name;
    private final int port;
    private final HttpServer control;
    private StandInService service;

    private StandInSwitch(String name, int port) throws IOException {
        this.name = name;
        this.port = port;
        this.service = StandInService.start(name, port);
        this.control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        control.createContext("/", this::handle);
        control.start();
    }

    static StandInSwitch start(String name, int port) {
        try {
            return new StandInSwitch(name, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String serviceUrl() {
        return "http://127.0.0.1:" + port;
    }

    String switchUrl() {
        return "http://127.0.0.1:" + control.getAddress().getPort();
    }

    synchronized void stop() {
        if (service != null) {
            service.stop();
            service = null;
        }
        control.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            synchronized (this) {
                switch (exchange.getRequestURI().getPath()) {
                    case "/down" -> {
                        if (service != null) {
                            service.stop();
                            service = null;
                        }
                    }
                    case "/up" -> {
                        if (service == null) {
                            service = StandInService.start(name, port);
                        }
                    }
                    default -> {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                }
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }
}
