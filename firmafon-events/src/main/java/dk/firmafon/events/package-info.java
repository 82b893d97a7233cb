/**
 * Live events: call and presence events from the Faye feed, by polling REST, or from verified webhook deliveries,
 * with gaps made visible. Start with {@link dk.firmafon.events.EventsClient} and
 * {@link dk.firmafon.events.WebhookReceiver}.
 */
@NullMarked
package dk.firmafon.events;

import org.jspecify.annotations.NullMarked;
