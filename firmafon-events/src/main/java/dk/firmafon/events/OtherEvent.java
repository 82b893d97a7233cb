package dk.firmafon.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message on a subscribed channel that is neither a call nor a presence event as the SDK knows them: kept whole,
 * never dropped.
 *
 * @param channel where it arrived
 * @param source the feed, polling or a webhook
 * @param message the message's {@code data} (or, for a webhook, its payload) as sent
 */
public record OtherEvent(String channel, Source source, JsonNode message) implements LiveEvent {}
