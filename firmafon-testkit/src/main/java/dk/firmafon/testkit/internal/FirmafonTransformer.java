package dk.firmafon.testkit.internal;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.ChunkedDribbleDelay;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one WireMock extension of the fake: the catch-all stub's response is replaced by what {@link FakeApi} answers,
 * after the {@link FaultPlan} had its say (delay, error status or broken connection).
 */
public final class FirmafonTransformer implements ResponseTransformerV2 {

    public static final String NAME = "firmafon-fake";
    /** A slow body arrives in this many pieces, spread evenly over the planned time. */
    private static final int SLOW_BODY_CHUNKS = 4;

    private final FaultPlan faults;
    private volatile @Nullable FakeApi api;

    public FirmafonTransformer(FaultPlan faults) {
        this.faults = faults;
    }

    /** Connects the fake once the server runs (its port is part of the data: {@code sound.url}). */
    public void attach(FakeApi api) {
        this.api = api;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        FakeApi api = this.api;
        if (api == null) {
            return Response.Builder.like(response)
                    .but()
                    .status(503)
                    .body("the fake is starting")
                    .build();
        }
        Request request = serveEvent.getRequest();
        String url = request.getUrl();
        int question = url.indexOf('?');
        String path = question < 0 ? url : url.substring(0, question);
        String query = question < 0 ? null : url.substring(question + 1);
        String method = request.getMethod().getName();

        Response.Builder builder = Response.Builder.like(response).but();
        Duration delay = faults.delayFor(method, path);
        if (!delay.isZero()) {
            builder.incrementInitialDelay(delay.toMillis());
        }
        Duration slowBody = faults.slowBodyFor(method, path);
        if (!slowBody.isZero()) {
            builder.chunkedDribbleDelay(
                    new ChunkedDribbleDelay(SLOW_BODY_CHUNKS, (int) Math.min(Integer.MAX_VALUE, slowBody.toMillis())));
        }
        Optional<FaultPlan.Misbehaviour> misbehaviour = faults.take(method, path);
        if (misbehaviour.isPresent() && misbehaviour.get().fault() != null) {
            return builder.fault(misbehaviour.get().fault()).build();
        }
        Reply reply = misbehaviour
                .map(FaultPlan.Misbehaviour::reply)
                .orElseGet(() -> api.handle(
                        method,
                        path,
                        query,
                        request.contentTypeHeader().isPresent()
                                ? request.contentTypeHeader().firstValue()
                                : null,
                        request.getBody(),
                        name -> {
                            HttpHeader header = request.header(name);
                            return header.isPresent() ? header.firstValue() : null;
                        }));
        List<HttpHeader> headers = new ArrayList<>();
        reply.headers().forEach((name, value) -> headers.add(new HttpHeader(name, value)));
        builder.status(reply.status()).headers(new HttpHeaders(headers));
        if (reply.stream() != null) {
            builder.body(reply.stream());
        } else {
            builder.body(reply.body());
        }
        return builder.build();
    }
}
