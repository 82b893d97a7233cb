package dk.firmafon.core.support;

import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.model.Endpoint;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The argument checks of the resource clients, each rule spelled once. Every check throws an
 * {@link IllegalArgumentException} whose message starts with the argument's name as the caller knows it (for
 * example {@code draft.employeeIds} or {@code query.limit}); resource methods call them inside {@code Mono.defer} /
 * {@code Flux.defer}, so the error arrives in the stream, before anything is sent.
 */
public final class Arguments {
    private Arguments() {}

    /** {@code value}, which must be set; {@code hint} says how to make one, e.g. {@code "use CallQuery.all()"}. */
    public static <T> T required(String argument, @Nullable T value, String hint) {
        if (value == null) {
            throw new IllegalArgumentException(argument + " must not be null (" + hint + ")");
        }
        return value;
    }

    /** An id the service gave out: at least 1. */
    public static long positiveId(String argument, long id) {
        if (id <= 0) {
            throw new IllegalArgumentException(argument + " must be positive, was " + id);
        }
        return id;
    }

    /** {@code collection/id} with a checked id as one path segment, e.g. {@code /contacts/12}. */
    public static String idPath(String collection, long id) {
        return collection + "/" + ApiRequest.pathSegment(Long.toString(positiveId("id", id)));
    }

    /**
     * A list of ids, every one at least 1 (an empty list is allowed: it clears a membership), as an unmodifiable
     * list.
     */
    public static List<Long> positiveIds(String argument, @Nullable Collection<Long> ids) {
        required(argument, ids, "an empty list for none");
        for (Long id : ids) {
            if (id == null || id <= 0) {
                throw new IllegalArgumentException(argument + " must hold only positive ids, was " + ids);
            }
        }
        return List.copyOf(ids); // the same list when it already is an unmodifiable one
    }

    /** A text that must say something when set; returned without surrounding white space. */
    public static String notBlank(String argument, @Nullable String value) {
        if (value == null) {
            throw new IllegalArgumentException(argument + " must not be null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(argument + " must not be blank when set");
        }
        return value.strip();
    }

    /** A uuid (or any other opaque id), not blank, for a path template variable (which encodes it). */
    public static String uuid(String argument, @Nullable String uuid) {
        if (uuid == null || uuid.isBlank()) {
            throw new IllegalArgumentException(argument + " must not be null or blank");
        }
        return uuid;
    }

    /** A page size between 1 and {@code max}. */
    public static int limit(String argument, int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new IllegalArgumentException(argument + " must be between 1 and " + max + ", was " + limit);
        }
        return limit;
    }

    /** An endpoint the service understands, {@code Type#id}; {@code example} such as {@code "Reception#1"}. */
    public static Endpoint endpoint(String argument, @Nullable Endpoint endpoint, String example) {
        if (!required(argument, endpoint, "e.g. " + example).isWellFormed()) {
            throw new IllegalArgumentException(
                    argument + " must be Type#id, e.g. " + example + ", was '" + endpoint + "'");
        }
        return endpoint;
    }

    /** A time range whose end is not before its start (either may be open). */
    public static void range(String from, @Nullable Instant start, String to, @Nullable Instant end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException(
                    to + " must not be before " + from + ", was " + end + " (" + from + " " + start + ")");
        }
    }

    /**
     * "Clear a field": a change may set a field or clear it (send {@code null}), never both; {@code owner} is what
     * holds them, e.g. {@code "draft"}.
     */
    public static void setOrClear(String owner, String field, boolean set, boolean clear) {
        if (set && clear) {
            String clearField = "clear" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
            throw new IllegalArgumentException(owner + " sets " + field + " and " + clearField + ": choose one");
        }
    }
}
