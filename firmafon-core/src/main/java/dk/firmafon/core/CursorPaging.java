package dk.firmafon.core;

import java.time.Instant;
import java.util.function.Function;

/**
 * CONTRACT SKELETON (issue #3 implements it). Describes a listing the API pages with an inclusive timestamp
 * cursor ({@code started_at_lt_or_eq} for calls, {@code created_at_lt_or_eq} for voice mails).
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
    private CursorPaging() {
    }

    public static <T> Builder<T> builder(Class<T> type) {
        throw new UnsupportedOperationException("issue #3");
    }

    /** Builds a {@link CursorPaging}. */
    public static final class Builder<T> {
        private Builder() {
        }

        /** The request without limit and cursor; the pager adds both. */
        public Builder<T> request(ApiRequest request) { throw new UnsupportedOperationException(); }
        public Builder<T> envelopeKey(String key) { throw new UnsupportedOperationException(); }
        public Builder<T> cursorParameter(String name) { throw new UnsupportedOperationException(); }
        public Builder<T> timestamp(Function<? super T, Instant> timestamp) { throw new UnsupportedOperationException(); }
        public Builder<T> id(Function<? super T, ?> id) { throw new UnsupportedOperationException(); }
        public Builder<T> pageSize(int limit) { throw new UnsupportedOperationException(); }
        public CursorPaging<T> build() { throw new UnsupportedOperationException(); }
    }
}
