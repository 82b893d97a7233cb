package dk.firmafon.examples.webflux;

import dk.firmafon.events.WebhookReceiver;
import dk.firmafon.events.WebhookVerificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /webhooks/relatel}: Relatel webhook deliveries, verified by the SDK's {@link WebhookReceiver} over the
 * raw body bytes (never re-serialised JSON: the signature covers the bytes as sent). 200 for a delivery accepted or
 * already seen, 401 for a signature that fails verification, 400 for a malformed body, 503 when the deliveries' buffer
 * is full (the sender retries).
 * Active when {@code firmafon.webhooks.signing-secret} is set.
 */
@RestController
@ConditionalOnProperty("firmafon.webhooks.signing-secret")
class WebhooksController {
    private static final int MAX_BODY = 256 * 1024;

    private final WebhookReceiver receiver;

    WebhooksController(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    private static Map<String, List<String>> headers(ServerHttpRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        request.getHeaders().forEach(headers::put);
        return headers;
    }

    @PostMapping("/webhooks/relatel")
    Mono<ResponseEntity<String>> receive(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), MAX_BODY)
                .map(buffer -> {
                    byte[] body = new byte[buffer.readableByteCount()];
                    buffer.read(body);
                    DataBufferUtils.release(buffer);
                    return body;
                })
                .defaultIfEmpty(new byte[0])
                // HMAC over a small body: quick, but kept off the event loop with the rest of the verification
                .publishOn(Schedulers.parallel())
                .map(body -> ResponseEntity.ok(
                        receiver.receive(body, headers(request)).name()))
                .onErrorResume(
                        WebhookVerificationException.class,
                        refused -> Mono.just(
                                ResponseEntity.status(refused.status()).body(refused.getMessage())))
                .onErrorResume(
                        IllegalStateException.class,
                        full -> Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                                .body("try again later")));
    }
}
