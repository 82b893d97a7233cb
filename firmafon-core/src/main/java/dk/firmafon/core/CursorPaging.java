package dk.firmafon.core;

import java.time.Instant;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Describes a listing the API pages with an inclusive timestamp cursor ({@code started_at_lt_or_eq} for calls,
 * {@code created_at_lt_or_eq} for voice mails). Immutable; hand it to {@link FirmafonClient#paginate(CursorPaging)}
 * or {@link FirmafonClient#page(CursorPaging, PageCursor)}.
 *
 * <pre>{@code
 * CursorPaging<Call> paging = CursorPaging.builder(Call.class)
 *     .request(ApiRequest.get("/calls").withQuery("endpoint", "Reception#1"))
 *     .envelopeKey("calls")
 *     .cursorParameter("started_at_lt_or_eq")
 *     .timestamp(call -> call.startedAt().toInstant())
 *     .id(Call::callUuid)
 *     .pageSize(100)        // sent as "limit", 1..100
 *     .build();
 * }</pre>
 */
public final class CursorPaging<T> {
    /** The API's maximum {@code limit}. */
    public static final int MAX_PAGE_SIZE = 100;

    private final Class<T> type;
    private final ApiRequest request;
    private final String envelopeKey;
    private final String cursorParameter;
    private final Function<? super T, Instant> timestamp;
    private final Function<? super T, ?> id;
    private final int pageSize;

    private CursorPaging(Builder<T> b) {
        this.type = b.type;
        this.request = require("request", b.request);
        this.envelopeKey = require("envelopeKey", b.envelopeKey);
        this.cursorParameter = require("cursorParameter", b.cursorParameter);
        this.timestamp = require("timestamp", b.timestamp);
        this.id = require("id", b.id);
        this.pageSize = b.pageSize;
    }

    /**
     * A builder for a listing of {@code type}.
     *
     * @throws IllegalArgumentException when {@code type} is null
     */
    public static <T> Builder<T> builder(Class<T> type) {
        return new Builder<>(require("type", type));
    }

    /** The item type each element of the envelope array is read as. */
    public Class<T> type() {
        return type;
    }

    /** The request without limit and cursor. */
    public ApiRequest request() {
        return request;
    }

    /** The key of the array in the response, e.g. {@code calls}. */
    public String envelopeKey() {
        return envelopeKey;
    }

    /** The inclusive cursor parameter, e.g. {@code started_at_lt_or_eq}. */
    public String cursorParameter() {
        return cursorParameter;
    }

    /** Sent as {@code limit}. */
    public int pageSize() {
        return pageSize;
    }

    Instant timestampOf(T item) {
        Instant value = timestamp.apply(item);
        if (value == null) {
            throw new IllegalStateException("the timestamp function returned null for an item of " + envelopeKey);
        }
        return value;
    }

    String idOf(T item) {
        return String.valueOf(id.apply(item));
    }

    private static <V> V require(String name, @Nullable V value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return value;
    }

    /** Builds a {@link CursorPaging}; every setter but {@link #pageSize(int)} is required. */
    public static final class Builder<T> {
        private final Class<T> type;
        private @Nullable ApiRequest request;
        private @Nullable String envelopeKey;
        private @Nullable String cursorParameter;
        private @Nullable Function<? super T, Instant> timestamp;
        private @Nullable Function<? super T, ?> id;
        private int pageSize = MAX_PAGE_SIZE;

        private Builder(Class<T> type) {
            this.type = type;
        }

        /** The request without limit and cursor; the pager adds both. */
        public Builder<T> request(ApiRequest request) {
            this.request = require("request", request);
            return this;
        }

        /** The response's array key, e.g. {@code calls}. */
        public Builder<T> envelopeKey(String key) {
            this.envelopeKey = require("envelopeKey", key);
            return this;
        }

        /** The inclusive cursor's query parameter, e.g. {@code started_at_lt_or_eq}. */
        public Builder<T> cursorParameter(String name) {
            this.cursorParameter = require("cursorParameter", name);
            return this;
        }

        /** The item's cursor timestamp (e.g. {@code started_at}); never null. */
        public Builder<T> timestamp(Function<? super T, Instant> timestamp) {
            this.timestamp = require("timestamp", timestamp);
            return this;
        }

        /** The item's unique id (compared as {@code String.valueOf(id)}). */
        public Builder<T> id(Function<? super T, ?> id) {
            this.id = require("id", id);
            return this;
        }

        /**
         * Items per page, sent as {@code limit}; default and maximum 100.
         *
         * @throws IllegalArgumentException when not within 1..100
         */
        public Builder<T> pageSize(int limit) {
            if (limit < 1 || limit > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException(
                        "pageSize (sent as limit) must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
            }
            this.pageSize = limit;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the first required setting that is missing
         */
        public CursorPaging<T> build() {
            return new CursorPaging<>(this);
        }
    }
}
