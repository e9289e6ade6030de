package org.careweave.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * nginx as the reference proxy: a plain reverse proxy (keep-alive upstream, no buffering tweaks) to one service,
 * configured in a temp folder, run in the foreground as a child of this process on a free port.
 */
final class Nginx implements AutoCloseable {

    final int port;
    private final Process process;

    Nginx(String upstreamHostPort) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("careweave-bench-nginx");
        // workers run as an unprivileged user: they write their temp files here
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String conf = """
                daemon off;
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 4096; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  upstream service { server %2$s; keepalive 64; }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://service;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $host;
                    }
                  }
                }
                """.formatted(dir, upstreamHostPort, port);
        Files.writeString(dir.resolve("nginx.conf"), conf);
        process = new ProcessBuilder("nginx", "-p", dir.toString(), "-e", dir.resolve("error.log").toString(), "-c",
                dir.resolve("nginx.conf").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited: " + Files.readString(dir.resolve("stdout.log"))
                        + (new File(dir.resolve("error.log").toString()).exists() ? Files.readString(dir.resolve("error.log")) : ""));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IOException("nginx did not listen on " + port);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
