package dk.firmafon.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An endpoint of the telephone system, written {@code Type#id}: {@code Reception#7}, {@code Employee#17},
 * {@code EmployeeGroup#3}. Calls are filtered and transferred by endpoint.
 *
 * <p>{@link #parse(String)} is strict, for input; what the API sends is read leniently (it also sends
 * {@code "undefined"} for nodes that have no endpoint yet) and printed back exactly as received.
 */
public final class Endpoint {
    /** {@code Reception}: a company phone number. */
    public static final String RECEPTION = "Reception";
    /** {@code Employee}: one person. */
    public static final String EMPLOYEE = "Employee";
    /** {@code EmployeeGroup}: a group of employees. */
    public static final String EMPLOYEE_GROUP = "EmployeeGroup";
    /** {@code ChatReception}: a company chat (smileys and statistics name it). */
    public static final String CHAT_RECEPTION = "ChatReception";

    private static final Pattern FORM = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)#([0-9]+)");

    private final String text;
    private final String type;
    private final Optional<Long> id;

    private Endpoint(String text, String type, Optional<Long> id) {
        this.text = text;
        this.type = type;
        this.id = id;
    }

    /**
     * Parses {@code Type#id}.
     *
     * @throws IllegalArgumentException naming {@code endpoint} when the text is not of that form
     */
    public static Endpoint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "endpoint must not be null or blank (expected Type#id, e.g. Reception#7)");
        }
        Endpoint endpoint = fromJson(text.strip());
        if (endpoint.id.isEmpty()) {
            throw new IllegalArgumentException(
                    "endpoint must be Type#id with a numeric id, e.g. Reception#7, was '" + text + "'");
        }
        return endpoint;
    }

    /** {@code Type#id} from its parts. */
    public static Endpoint of(String type, long id) {
        return parse(type + "#" + id);
    }

    /** {@code Reception#id}. */
    public static Endpoint reception(long id) {
        return of(RECEPTION, id);
    }

    /** {@code Employee#id}. */
    public static Endpoint employee(long id) {
        return of(EMPLOYEE, id);
    }

    /** {@code EmployeeGroup#id}. */
    public static Endpoint employeeGroup(long id) {
        return of(EMPLOYEE_GROUP, id);
    }

    /** {@code ChatReception#id}. */
    public static Endpoint chatReception(long id) {
        return of(CHAT_RECEPTION, id);
    }

    /** Reads an endpoint as the API sent it; never fails. */
    @JsonCreator
    static Endpoint fromJson(String text) {
        Matcher matcher = FORM.matcher(text);
        if (matcher.matches()) {
            try {
                return new Endpoint(text, matcher.group(1), Optional.of(Long.parseLong(matcher.group(2))));
            } catch (NumberFormatException tooLong) {
                return new Endpoint(text, text, Optional.empty());
            }
        }
        return new Endpoint(text, text, Optional.empty());
    }

    /** The type, e.g. {@code Reception}; for a value without {@code #id}, the whole value (e.g. {@code undefined}). */
    public String type() {
        return type;
    }

    /** The numeric id; empty for values such as {@code undefined}. */
    public Optional<Long> id() {
        return id;
    }

    /** Whether this is of the form {@code Type#id}. */
    public boolean isWellFormed() {
        return id.isPresent();
    }

    @Override
    @JsonValue
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && e.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
