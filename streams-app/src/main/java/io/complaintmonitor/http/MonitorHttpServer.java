package io.complaintmonitor.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP port of the monitor: health, metrics, the embedded schema registry and the APIs.
 * Built on the JDK's own server so the jar needs no web framework; handlers are plain functions
 * of {@link HttpRequest} so tests call them directly.
 */
public final class MonitorHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorHttpServer.class);
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;

    private MonitorHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving {@code routes} (path prefix to handler; the longest matching prefix wins)
     * on host:port; port 0 picks a free port.
     */
    public static MonitorHttpServer start(String host, int port, Map<String, HttpHandler> routes)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        Map<String, HttpHandler> ordered = new LinkedHashMap<>();
        routes.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, HttpHandler> e) -> e.getKey().length()).reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        server.createContext("/", exchange -> dispatch(exchange, ordered));
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "http-worker");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return new MonitorHttpServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://" + hostForUrl() + ":" + port());
    }

    private String hostForUrl() {
        String host = server.getAddress().getHostString();
        return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    }

    private static void dispatch(HttpExchange exchange, Map<String, HttpHandler> routes) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            HttpHandler handler = routes.entrySet().stream()
                    .filter(e -> matches(path, e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            HttpResponse response;
            if (handler == null) {
                response = HttpResponse.json(404, "{\"error\":\"no such path: " + JsonText.escape(path) + "\"}");
            } else {
                response = invoke(handler, exchange, path);
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] body = response.body();
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static HttpResponse invoke(HttpHandler handler, HttpExchange exchange, String path) {
        try {
            byte[] body = readBody(exchange.getRequestBody());
            HttpRequest request = new HttpRequest(exchange.getRequestMethod(), path,
                    HttpRequest.parseQuery(exchange.getRequestURI().getRawQuery()), body, headersOf(exchange));
            return handler.handle(request);
        } catch (BodyTooLargeException e) {
            return HttpResponse.json(413, "{\"error\":\"request body larger than " + MAX_BODY_BYTES + " bytes\"}");
        } catch (Exception e) {
            LOG.warn("HTTP {} {} failed", exchange.getRequestMethod(), path, e);
            return HttpResponse.json(500, "{\"error\":\"" + JsonText.escape(String.valueOf(e.getMessage())) + "\"}");
        }
    }

    private static Map<String, String> headersOf(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        return headers;
    }

    private static boolean matches(String path, String prefix) {
        return path.equals(prefix) || prefix.endsWith("/") && path.startsWith(prefix)
                || path.startsWith(prefix + "/");
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new BodyTooLargeException();
        }
        return body;
    }

    private static final class BodyTooLargeException extends IOException {
    }

    @Override
    public void close() {
        // No grace period: in-flight answers are short, and tests and restarts should not wait a second.
        server.stop(0);
        executor.shutdownNow();
    }
}
