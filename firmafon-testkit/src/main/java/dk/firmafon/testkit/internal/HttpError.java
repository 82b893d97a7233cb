package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Thrown by a handler to answer with an error; the router turns it into its {@link Reply}. Carries no stack trace: it is
 * control flow, not a failure of the fake.
 */
public final class HttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Reply reply;

    public HttpError(Reply reply) {
        super("HTTP " + reply.status(), null, false, false);
        this.reply = reply;
    }

    public Reply reply() {
        return reply;
    }

    /** The service's own error body: {@code {"status": "failure", "message": ...}}. */
    public static HttpError failure(int status, String message) {
        ObjectNode body = Json.object().put("status", "failure").put("message", message);
        return new HttpError(Reply.json(status, body));
    }

    public static HttpError notFound() {
        return failure(404, "404 Not Found");
    }

    public static HttpError badRequest(String message) {
        return failure(400, message);
    }

    /** 422 naming the field that made the body invalid. */
    public static HttpError unprocessable(String field, String problem) {
        ObjectNode body = Json.object().put("status", "failure").put("message", field + " " + problem);
        body.putObject("errors").putArray(field).add(problem);
        return new HttpError(Reply.json(422, body));
    }
}
