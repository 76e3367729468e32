package io.complaintmonitor.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Status, content type, body and any further headers of an answer. */
public record HttpResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String JSON = "application/json";

    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    public HttpResponse(int status, String contentType, byte[] body) {
        this(status, contentType, body, Map.of());
    }

    public static HttpResponse json(int status, String json) {
        return new HttpResponse(status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON error body {"error": message}. */
    public static HttpResponse error(int status, String message) {
        return json(status, "{\"error\":\"" + JsonText.escape(message) + "\"}");
    }

    public static HttpResponse text(int status, String contentType, String text) {
        return new HttpResponse(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** This answer with one more header (replacing one of the same name). */
    public HttpResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpResponse(status, contentType, body, more);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
