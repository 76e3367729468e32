package io.complaintmonitor.http;

/**
 * A route whose handler exists only once the monitor has started (it needs the HTTP port, the
 * topology or the Kafka Streams client): 503 until then.
 */
public final class LateHandler implements HttpHandler {

    private volatile HttpHandler target;

    public void set(HttpHandler handler) {
        this.target = handler;
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws Exception {
        HttpHandler handler = target;
        return handler == null ? HttpResponse.error(503, "the monitor is starting; retry shortly")
                : handler.handle(request);
    }
}
