package dk.firmafon.examples.readme;

import dk.firmafon.events.WebhookReceiver;
import dk.firmafon.events.WebhookVerificationException;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** docs/live-events.md: webhook deliveries in a Spring MVC controller (the WebFlux one is in examples-webflux). */
// [readme]
@RestController
class MvcWebhooksController {
    private final WebhookReceiver receiver;

    MvcWebhooksController(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @PostMapping("/webhooks/relatel")
    ResponseEntity<String> receive(@RequestBody byte[] body, @RequestHeader MultiValueMap<String, String> headers) {
        try {
            // the raw bytes as sent: the signature covers them, never re-serialised JSON
            return ResponseEntity.ok(receiver.receive(body, headers).name()); // ACCEPTED or DUPLICATE
        } catch (WebhookVerificationException refused) {
            return ResponseEntity.status(refused.status()).body(refused.getMessage()); // 401 signature, 400 body
        } catch (IllegalStateException full) {
            return ResponseEntity.status(503).body("try again later"); // the buffer is full: the sender retries
        }
    }
}
// [readme]
