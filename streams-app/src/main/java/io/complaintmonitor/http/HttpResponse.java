package io.complaintmonitor.http;

import java.nio.charset.StandardCharsets;

/** Status, content type and body of an answer. */
public record HttpResponse(int status, String contentType, byte[] body) {

    public static final String JSON = "application/json";

    public static HttpResponse json(int status, String json) {
        return new HttpResponse(status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse text(int status, String contentType, String text) {
        return new HttpResponse(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }
}
