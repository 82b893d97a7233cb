package dk.firmafon.employees.internal;

import dk.firmafon.core.ApiRequest;
import reactor.core.publisher.Mono;

/** Ids in paths: checked before anything is sent, and percent-encoded as one path segment. */
public final class Ids {
    private Ids() {}

    /** The error a method returns for an id that is zero or negative; it names the argument. */
    public static <T> Mono<T> notPositive(String argument, long id) {
        return Mono.error(new IllegalArgumentException(argument + " must be positive, was " + id));
    }

    /** {@code collection/id}, e.g. {@code /employees/12}. */
    public static String path(String collection, long id) {
        return collection + "/" + ApiRequest.pathSegment(Long.toString(id));
    }
}
