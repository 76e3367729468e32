package io.complaintmonitor.http;

/** Answers the requests under one path prefix of the monitor's HTTP server. */
@FunctionalInterface
public interface HttpHandler {
    HttpResponse handle(HttpRequest request) throws Exception;
}
