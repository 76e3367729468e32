package io.complaintmonitor.http;

import java.util.Map;

/**
 * A read-only query endpoint: GET on one path, its parameters parsed into a query (an
 * IllegalArgumentException's message becomes the 400 answer, so it should say what to write),
 * then answered. The checks every query endpoint makes, in one place.
 *
 * @param <Q> the parsed query
 */
public abstract class GetQueryHandler<Q> implements HttpHandler {

    private final String path;
    private final String usage;

    protected GetQueryHandler(String path, String usage) {
        this.path = path;
        this.usage = usage;
    }

    @Override
    public final HttpResponse handle(HttpRequest request) {
        if (!request.method().equals("GET")) {
            return HttpResponse.error(405, "use GET " + usage);
        }
        if (!request.path().equals(path)) {
            return HttpResponse.error(404, "no such path: use " + usage);
        }
        Q query;
        try {
            query = parse(request.query());
        } catch (IllegalArgumentException e) {
            return HttpResponse.error(400, e.getMessage());
        }
        return answer(query, request);
    }

    /** The query the parameters ask for; throws IllegalArgumentException saying what to write. */
    protected abstract Q parse(Map<String, String> params);

    protected abstract HttpResponse answer(Q query, HttpRequest request);
}
