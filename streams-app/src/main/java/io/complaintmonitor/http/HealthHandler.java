package io.complaintmonitor.http;

import java.util.function.Supplier;

/**
 * {@code /health/live}: the process answers. {@code /health/ready}: the monitor is judging
 * deadlines, i.e. Kafka Streams is RUNNING; 503 with the state otherwise.
 */
public final class HealthHandler implements HttpHandler {

    private final Supplier<String> streamsState;

    public HealthHandler(Supplier<String> streamsState) {
        this.streamsState = streamsState;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String state = streamsState.get();
        return switch (request.path()) {
            case "/health/live" -> HttpResponse.json(200, "{\"status\":\"UP\"}");
            case "/health/ready" -> HttpResponse.json("RUNNING".equals(state) ? 200 : 503,
                    "{\"status\":\"" + ("RUNNING".equals(state) ? "UP" : "DOWN") + "\",\"streams\":\""
                            + JsonText.escape(state) + "\"}");
            default -> HttpResponse.json(404, "{\"error\":\"use /health/live or /health/ready\"}");
        };
    }
}
