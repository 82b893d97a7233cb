package dk.firmafon.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One verified webhook delivery: the envelope Relatel sends ({@code delivery_id}, {@code event_type},
 * {@code occurred_at}) and its {@code payload}, kept as the JSON it is (the payload is not documented).
 *
 * @param deliveryId the delivery's id ({@code delivery_id}, also the {@code Relatel-Delivery-Id} header)
 * @param eventType e.g. {@code call.created}, {@code call.ended}, {@code incoming_message.created},
 *     {@code webhook.test}; unknown types are kept
 * @param occurredAt when the event happened, when sent in a readable form
 * @param payload the payload as sent ({@code null} becomes a JSON null node)
 */
public record WebhookDelivery(
        String deliveryId, String eventType, Optional<OffsetDateTime> occurredAt, JsonNode payload) {

    /** The call's uuid, when the payload names one ({@code call_uuid}, or {@code call.call_uuid}, or {@code uuid}). */
    public Optional<String> callUuid() {
        for (JsonNode candidate :
                new JsonNode[] {payload.path("call_uuid"), payload.path("call").path("call_uuid"), payload.path("uuid")
                }) {
            if (candidate.isTextual() && !candidate.asText().isBlank()) {
                return Optional.of(candidate.asText());
            }
        }
        return Optional.empty();
    }
}
