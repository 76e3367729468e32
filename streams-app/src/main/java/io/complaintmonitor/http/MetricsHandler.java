package io.complaintmonitor.http;

import java.util.function.Supplier;

/** {@code /metrics} in the Prometheus text format. */
public final class MetricsHandler implements HttpHandler {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;

    public MetricsHandler(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        return HttpResponse.text(200, PROMETHEUS_TEXT, scrape.get());
    }
}
