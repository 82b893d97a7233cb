package dk.firmafon.examples.readme;

import dk.firmafon.Firmafon;
import dk.firmafon.calls.model.Call;
import dk.firmafon.events.CallEvent;
import dk.firmafon.events.CallEventName;
import dk.firmafon.events.EventsClient;
import dk.firmafon.events.EventsSettings;
import dk.firmafon.events.LiveEvent;
import dk.firmafon.events.WebhookReceiver;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** README, "Live events". */
final class EventsSamples {
    private EventsSamples() {}

    static Flux<LiveEvent> feed(Firmafon firmafon, Consumer<Optional<String>> openCustomerRecord) {
        // [readme]
        Disposable ringing = firmafon.events()
                .events() // the employee's and the company's call channels
                .ofType(CallEvent.class)
                .filter(event -> event.name() == CallEventName.RINGING)
                .subscribe(event -> openCustomerRecord.accept(event.callUuid()));
        Flux<LiveEvent> company = EventsClient.create(
                        firmafon.client(),
                        EventsSettings.defaults().withApp("myapp").withResyncAfterGap(true)) // a gap: then a snapshot
                .events(List.of("/call2/company/42"));
        // [readme]
        ringing.dispose();
        return company;
    }

    static Disposable webhooks(Firmafon firmafon, String signingSecret, Consumer<Call> logCall) {
        // [readme]
        WebhookReceiver receiver =
                WebhookReceiver.builder().signingSecret(signingSecret).build();
        // in any HTTP handler (examples-webflux has a WebFlux one, POST /webhooks/relatel): the raw body bytes, then
        //   receiver.receive(bytes, headers)    -> 200 (ACCEPTED or DUPLICATE)
        //   WebhookVerificationException         -> 401; IllegalStateException (buffer full) -> 503, the sender retries
        return receiver.deliveries()
                .filter(delivery -> delivery.eventType().equals("call.ended"))
                .flatMap(delivery -> Mono.justOrEmpty(delivery.callUuid()))
                .flatMap(uuid -> firmafon.calls().get(uuid)) // the wake-up: fetch the call from REST
                .subscribe(logCall);
        // [readme]
    }
}
