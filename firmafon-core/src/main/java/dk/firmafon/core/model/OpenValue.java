package dk.firmafon.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Base of the SDK's open value classes for strings the server enumerates ({@code direction}, {@code status},
 * {@code live_presence}, ...). Unlike a Java {@code enum}, a value the SDK does not know yet is kept and readable
 * rather than an error: {@code CallStatus.of("brand_new").isKnown() == false}.
 *
 * <p>Values compare by class and string; known values are singletons, so {@code ==} also works for them.
 */
public abstract class OpenValue {
    private final String value;
    private final boolean known;

    protected OpenValue(String value, boolean known) {
        this.value = value;
        this.known = known;
    }

    /** The value exactly as the API spells it. */
    @JsonValue
    public final String value() {
        return value;
    }

    /** Whether this SDK version knows the value (false for values the service added later). */
    public final boolean isKnown() {
        return known;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OpenValue) o).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }

    /**
     * The known values of one open value class. Declare it first in the subclass, then the constants:
     *
     * <pre>{@code
     * private static final Known<Direction> KNOWN = new Known<>(Direction::new);
     * public static final Direction INCOMING = KNOWN.add("incoming");
     * @JsonCreator public static Direction of(String value) { return KNOWN.of("direction", value); }
     * }</pre>
     */
    protected static final class Known<T extends OpenValue> {
        private final Map<String, T> values = new LinkedHashMap<>();
        private final BiFunction<String, Boolean, T> factory;

        public Known(BiFunction<String, Boolean, T> factory) {
            this.factory = factory;
        }

        /** Registers a known value; call only from static initialisers. */
        public T add(String value) {
            T constant = factory.apply(value, Boolean.TRUE);
            values.put(value, constant);
            return constant;
        }

        /**
         * The known constant for {@code value}, or a new unknown value that keeps it.
         *
         * @throws IllegalArgumentException naming {@code field} when value is null or blank
         */
        public T of(String field, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(field + " must not be null or blank");
            }
            T constant = values.get(value);
            return constant != null ? constant : factory.apply(value, Boolean.FALSE);
        }

        /** Every known value, in declaration order. */
        public Collection<T> values() {
            return Collections.unmodifiableCollection(values.values());
        }
    }
}
