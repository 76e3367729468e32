package io.complaintmonitor.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An HTTP request as the monitor's handlers see it: no servlet API, nothing to mock.
 *
 * @param headers the first value of each header, names in lower case
 */
public record HttpRequest(String method, String path, Map<String, String> query, byte[] body,
        Map<String, String> headers) {

    public HttpRequest {
        query = Map.copyOf(query);
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lower);
    }

    public HttpRequest(String method, String path, Map<String, String> query, byte[] body) {
        this(method, path, query, body, Map.of());
    }

    /** A GET of {@code path} with these query parameters, as tests and the router build them. */
    public static HttpRequest get(String path, Map<String, String> query) {
        return new HttpRequest("GET", path, query, new byte[0]);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The header's value, or null; {@code name} in any case. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Path and query string, encoded again: what to ask another instance for. */
    public String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + query.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
