package dk.firmafon.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * The service's list rules, shared by calls and voice mails: newest first, {@code limit} (default 30, at most 100) and
 * inclusive timestamp bounds, {@code X_lt_or_eq} being the paging cursor.
 */
final class Listing {

    static final int DEFAULT_LIMIT = 30;
    static final int MAX_LIMIT = 100;

    private Listing() {}

    /** {@code limit}: absent means 30; above 100 is capped at 100; not a positive number is a 422. */
    static int limit(Exchange exchange) {
        return limit(exchange, DEFAULT_LIMIT);
    }

    /** {@code limit}: absent means {@code defaultLimit}; above 100 is capped at 100; not a positive number is a 422. */
    static int limit(Exchange exchange, int defaultLimit) {
        String value = exchange.param("limit").orElse("");
        if (value.isEmpty()) {
            return defaultLimit;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw HttpError.unprocessable("limit", "is not a number");
        }
        if (limit < 1) {
            throw HttpError.unprocessable("limit", "must be greater than 0");
        }
        return Math.min(limit, MAX_LIMIT);
    }

    /** Keeps items whose {@code field} lies within the inclusive bounds {@code field_gt_or_eq} / {@code field_lt_or_eq}. */
    static Predicate<ObjectNode> within(Exchange exchange, String field) {
        Instant notBefore = exchange.timeParam(field + "_gt_or_eq").orElse(null);
        Instant notAfter = exchange.timeParam(field + "_lt_or_eq").orElse(null);
        return item -> {
            if (notBefore == null && notAfter == null) {
                return true;
            }
            Instant at = Json.instant(item, field);
            return at != null
                    && (notBefore == null || !at.isBefore(notBefore))
                    && (notAfter == null || !at.isAfter(notAfter));
        };
    }

    /** Keeps items whose {@code field} equals the parameter of the same name, when the request has it. */
    static Predicate<ObjectNode> equal(Exchange exchange, String parameter, String field) {
        String wanted = exchange.param(parameter).orElse(null);
        return item -> wanted == null || wanted.equals(item.path(field).asText(null));
    }

    static ArrayNode page(List<ObjectNode> newestFirst, Predicate<ObjectNode> filter, int limit) {
        ArrayNode page = Json.array();
        newestFirst.stream().filter(filter).limit(limit).forEach(item -> page.add(item.deepCopy()));
        return page;
    }
}
