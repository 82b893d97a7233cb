package com.example.consumer;

import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.calls.CallsClient;
import dk.firmafon.calls.model.Call;
import dk.firmafon.core.FirmafonClient;
import java.net.URI;
import reactor.core.publisher.Flux;

/** A user's code: the newest calls, through an SDK that came in through the BOM. */
public final class RecentCalls {
    private final CallsClient calls;

    public RecentCalls(URI baseUri, String token) {
        this.calls = CallsClient.create(FirmafonClient.builder()
                .baseUri(baseUri)
                .auth(AuthStrategy.bearer(token))
                .build());
    }

    public Flux<Call> newest(int count) {
        return calls.list().take(count);
    }
}
