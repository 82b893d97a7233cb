package dk.firmafon.calls;

import dk.firmafon.calls.internal.ExportLimiter;
import dk.firmafon.calls.model.Call;
import dk.firmafon.calls.model.CallNode;
import dk.firmafon.calls.model.DialResult;
import dk.firmafon.calls.model.TransferType;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.CursorPaging;
import dk.firmafon.core.ExchangeListener;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.Page;
import dk.firmafon.core.PageCursor;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.OpenValue;
import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.core.support.Arguments;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Calls: the call history, live call control and click-to-call, over one shared {@link FirmafonClient}.
 *
 * <pre>{@code
 * CallsClient calls = CallsClient.create(client);
 *
 * calls.list(CallQuery.builder().endpoint(Endpoint.reception(7)).status(CallStatus.MISSED).build())
 *     .take(50)                                   // newest first; pages are fetched as needed
 *     .subscribe(call -> System.out.println(call.fromNumber()));
 *
 * calls.live()
 *     .filter(node -> node.state().filter(NodeState.RINGING::equals).isPresent())
 *     .flatMap(node -> calls.transfer(node.nodeUuid(), Endpoint.employee(17), TransferType.ATTENDED))
 *     .subscribe();
 * }</pre>
 *
 * <p>Every method returns a cold publisher: nothing is sent before subscription. Bad arguments (a blank uuid, an
 * invalid phone number, a limit outside 1..100, a transfer without endpoint or type) are delivered as an
 * {@link IllegalArgumentException} naming the argument, and nothing is sent; every other error is a
 * {@link dk.firmafon.error.FirmafonException} (an unknown uuid gives the core's not-found error). None of the POST
 * methods ({@link #transfer}, {@link #cancelTransfer}, {@link #hangup}, {@link #dial}) is retried automatically.
 */
public final class CallsClient {
    /**
     * The hang-up path, the one place it is spelled. The API documentation prints
     * {@code /call_nodes/:node_uuid/node_uuid/hangup}, a typo for {@code /call_nodes/:node_uuid/hangup}.
     */
    private static final String HANGUP_PATH = "/call_nodes/{uuid}/hangup";

    private final FirmafonClient client;

    private CallsClient(FirmafonClient client) {
        this.client = client;
    }

    /**
     * Calls over {@code client}; the client stays the caller's to {@link FirmafonClient#close() close}.
     *
     * @throws IllegalArgumentException naming {@code client} when it is null
     */
    public static CallsClient create(FirmafonClient client) {
        return new CallsClient(required("client", client, "FirmafonClient.builder()...build()"));
    }

    /** The whole call history, newest first, {@value CallQuery#MAX_LIMIT} calls per request. */
    public Flux<Call> list() {
        return list(CallQuery.all());
    }

    /**
     * Every call matching {@code query}, newest first, each exactly once, fetching pages lazily as they are
     * requested ({@code GET /calls} with the cursor {@code started_at_lt_or_eq}). Starts at
     * {@link CallQuery#startedAtOrBefore()} when set.
     *
     * <p>A call without {@code started_at} (still being set up) is paged as if it had started with the call before
     * it in the listing, so the cursor stays where it was and no call is skipped; when it comes first it is placed at
     * {@link CallQuery#startedAtOrBefore()}, or without one a day after the listing began (after every call the
     * service has, whatever the two clocks say).
     */
    public Flux<Call> list(CallQuery query) {
        return Flux.defer(() -> {
            Optional<Instant> start =
                    required("query", query, "CallQuery.all()").startedAtOrBefore();
            CursorPaging<Call> paging = paging(query, start);
            return start.map(from -> client.paginate(paging, PageCursor.at(from)))
                    .orElseGet(() -> client.paginate(paging));
        });
    }

    /** The calls a window of {@link #export} may buffer while an earlier window is still being emitted. */
    static final int EXPORT_WINDOW_BUFFER = 10_000;

    /**
     * The calls {@code query} selects between its {@link CallQuery#startedAtOrAfter()} and
     * {@link CallQuery#startedAtOrBefore()} (both required, both inclusive), newest first, each exactly once, fetched
     * by {@code parallelism} listings at a time: the range is cut into {@code 16 * parallelism} windows of equal length
     * (at least a second each), each window is paged on its own (one page ahead, like {@link #list}), and the windows
     * are emitted in order, newest first, however their pages arrive. A call exactly on the border of two windows is
     * delivered once, by the newer window. When the API answers 429, fewer windows fetch at once (halved on each,
     * raised by one per window completed in calm), and the request is repeated after its {@code Retry-After} as
     * always. Memory stays bounded: a window that is not yet being emitted buffers at
     * most {@value #EXPORT_WINDOW_BUFFER} calls and then waits, so at most {@code parallelism} times that are held.
     *
     * <p>For a warehouse backfill or a nightly sync, where the round trip per page, not decoding, is the limit.
     *
     * @throws IllegalArgumentException (in the stream) when either bound is missing, the end is before the start, or
     *     {@code parallelism} is not 1 to 16
     */
    public Flux<Call> export(CallQuery query, int parallelism) {
        return export(query, parallelism, null);
    }

    /** {@link #export(CallQuery, int)} with the limiter given (tests watch it), else a new one. */
    Flux<Call> export(CallQuery query, int parallelism, @Nullable ExportLimiter given) {
        // a window waiting for its turn must be able to fetch on: with a buffer of one page it would stop after its
        // first, and the export would run no faster than list()
        return Flux.defer(() -> {
            CallQuery checked =
                    required("query", query, "CallQuery.builder().startedAtOrAfter(...).startedAtOrBefore(...)");
            Instant after = checked.startedAtOrAfter()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "query.startedAtOrAfter must be set for an export (the range's start)"));
            Instant before = checked.startedAtOrBefore()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "query.startedAtOrBefore must be set for an export (the range's end)"));
            if (before.isBefore(after)) {
                throw new IllegalArgumentException(
                        "query.startedAtOrBefore must not be before query.startedAtOrAfter, was " + before
                                + " (startedAtOrAfter " + after + ")");
            }
            if (parallelism < 1 || parallelism > 16) {
                throw new IllegalArgumentException("parallelism must be between 1 and 16, was " + parallelism);
            }
            long seconds = java.time.Duration.between(after, before).getSeconds();
            int windows = (int) Math.max(1, Math.min(16L * parallelism, seconds));
            List<Instant> borders = new java.util.ArrayList<>(windows + 1);
            for (int k = 0; k <= windows; k++) {
                // newest first: border 0 is the range's end
                borders.add(k == windows ? after : before.minusSeconds(seconds * k / windows));
            }
            // the windows' requests report to a limiter that halves how many windows fetch at once on a 429 and
            // raises it again slowly; the pipeline itself still retries each 429 after its Retry-After
            ExportLimiter limiter = given != null ? given : new ExportLimiter(parallelism);
            FirmafonClient limited = client.mutate()
                    .exchangeListener(ExchangeListener.both(client.exchangeListener(), limiter))
                    .build();
            CallsClient windowsClient = new CallsClient(limited);
            return Flux.range(0, windows)
                    .flatMapSequential(
                            k -> {
                                Instant upper = borders.get(k);
                                Instant lower = borders.get(k + 1);
                                Flux<Call> window = Flux.usingWhen(
                                        limiter.acquire().thenReturn(k),
                                        permit -> windowsClient.list(CallQuery.builder()
                                                .from(checked)
                                                .startedAtOrBefore(upper)
                                                .startedAtOrAfter(lower)
                                                .build()),
                                        permit -> Mono.fromRunnable(limiter::release),
                                        (permit, error) -> Mono.fromRunnable(limiter::release),
                                        permit -> Mono.fromRunnable(limiter::release));
                                // a call on the border belongs to the newer window, which also asks for it
                                return k == 0
                                        ? window
                                        : window.filter(call -> !call.startedAt()
                                                .map(at -> at.toInstant().equals(upper))
                                                .orElse(false));
                            },
                            parallelism,
                            EXPORT_WINDOW_BUFFER);
        });
    }

    /**
     * One page of {@link #list(CallQuery)}: the newest when {@code from} is null (or from
     * {@link CallQuery#startedAtOrBefore()} when set), otherwise the page at {@code from}, a cursor from an
     * earlier page's {@link Page#next()} (possibly stored with {@link PageCursor#asString()}).
     */
    public Mono<Page<Call>> page(CallQuery query, @Nullable PageCursor from) {
        return Mono.defer(() -> {
            Optional<Instant> start =
                    required("query", query, "CallQuery.all()").startedAtOrBefore();
            PageCursor cursor = from != null ? from : start.map(PageCursor::at).orElse(null);
            return client.page(paging(query, Optional.ofNullable(cursor).map(PageCursor::timestamp)), cursor);
        });
    }

    /** {@code GET /calls/:call_uuid}. */
    public Mono<Call> get(String callUuid) {
        return Mono.defer(
                () -> client.retrieve(ApiRequest.get("/calls/{uuid}", uuid("callUuid", callUuid)), "call", Call.class));
    }

    /** The authenticated employee's live call nodes: {@code GET /call_nodes/live}. */
    public Flux<CallNode> live() {
        return client.retrieveList(ApiRequest.get("/call_nodes/live"), "call_nodes", CallNode.class)
                .flatMapIterable(nodes -> nodes);
    }

    /** {@code GET /call_nodes/:node_uuid}. */
    public Mono<CallNode> node(String nodeUuid) {
        return Mono.defer(() -> client.retrieve(
                ApiRequest.get("/call_nodes/{uuid}", uuid("nodeUuid", nodeUuid)), "call_node", CallNode.class));
    }

    /**
     * Transfers a live node to {@code endpoint}: {@code POST /call_nodes/:node_uuid/transfer} with
     * {@code {"endpoint": "Employee#17", "type": "attended"}}. Both {@code endpoint} and {@code type} are required.
     */
    public Mono<Void> transfer(String nodeUuid, Endpoint endpoint, TransferType type) {
        return Mono.defer(() -> {
            String node = uuid("nodeUuid", nodeUuid);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("endpoint", endpoint("endpoint", endpoint).toString());
            body.put(
                    "type",
                    required("type", type, "TransferType.ATTENDED or TransferType.DIRECT")
                            .value());
            return client.execute(
                    ApiRequest.post("/call_nodes/{uuid}/transfer", node).withBody(body));
        });
    }

    /**
     * Cancels a transfer, which is also how a user takes a call back:
     * {@code POST /call_nodes/:node_uuid/cancel_transfer}.
     */
    public Mono<Void> cancelTransfer(String nodeUuid) {
        return Mono.defer(() ->
                client.execute(ApiRequest.post("/call_nodes/{uuid}/cancel_transfer", uuid("nodeUuid", nodeUuid))));
    }

    /** Hangs up a live node: {@code POST /call_nodes/:node_uuid/hangup}. */
    public Mono<Void> hangup(String nodeUuid) {
        return Mono.defer(() -> client.execute(ApiRequest.post(HANGUP_PATH, uuid("nodeUuid", nodeUuid))));
    }

    /**
     * Click-to-call ({@code POST /switch/dial}): the service rings the authenticated employee, then
     * {@code to_number}. Emits what the service answered; an empty body is a success with an empty
     * {@link DialResult#body()}.
     */
    public Mono<DialResult> dial(DialRequest request) {
        return Mono.defer(() -> {
            DialRequest dial = required("request", request, "DialRequest.to(PhoneNumber.of(...))");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(
                    "to_number",
                    PhoneNumber.of("toNumber", dial.toNumber().digits()).digits());
            dial.restrictTo().ifPresent(restrictTo -> body.put("restrict_to", restrictTo.value()));
            dial.cloakReceptionId()
                    .ifPresent(id -> body.put("cloak_reception_id", Arguments.positiveId("cloakReceptionId", id)));
            return client.retrieveJson(ApiRequest.post("/switch/dial").withBody(body))
                    .map(DialResult::of)
                    .defaultIfEmpty(DialResult.of(null));
        });
    }

    /**
     * Click-to-call {@code toNumber} with the service's defaults; {@code toNumber} is normalised as by
     * {@link PhoneNumber#of(String)}, so {@code "+45 71 99 99 99"} works.
     */
    public Mono<DialResult> dial(String toNumber) {
        return Mono.defer(() -> dial(DialRequest.to(PhoneNumber.of("toNumber", toNumber))));
    }

    /** The listing of {@code query}; throws IllegalArgumentException (inside {@code defer}) for a bad query. */
    private static CursorPaging<Call> paging(CallQuery query, Optional<Instant> start) {
        Arguments.limit("limit", query.limit(), CallQuery.MAX_LIMIT);
        ApiRequest request = ApiRequest.get("/calls")
                .withQuery(
                        "endpoint",
                        query.endpoint()
                                .map(e -> endpoint("endpoint", e).toString())
                                .orElse(null))
                .withQuery(
                        "number",
                        query.number()
                                .map(n -> PhoneNumber.of("number", n.digits()).digits())
                                .orElse(null))
                .withQuery("direction", query.direction().map(OpenValue::value).orElse(null))
                .withQuery("status", query.status().map(OpenValue::value).orElse(null))
                .withQuery(
                        "started_at_gt_or_eq",
                        query.startedAtOrAfter().map(Instant::toString).orElse(null))
                .withQuery(
                        "ended_at_lt_or_eq",
                        query.endedAtOrBefore().map(Instant::toString).orElse(null))
                .withQuery(
                        "ended_at_gt_or_eq",
                        query.endedAtOrAfter().map(Instant::toString).orElse(null));
        return CursorPaging.builder(Call.class)
                .request(request)
                .envelopeKey("calls")
                .cursorParameter("started_at_lt_or_eq")
                .timestamp(new StartedAt(start))
                .id(Call::callUuid)
                .pageSize(query.limit())
                .build();
    }

    /** A user-supplied uuid, checked; the path template encodes it as one segment. */
    private static String uuid(String argument, @Nullable String uuid) {
        return Arguments.uuid(argument, uuid);
    }

    private static Endpoint endpoint(String argument, @Nullable Endpoint endpoint) {
        return Arguments.endpoint(argument, endpoint, "Reception#1");
    }

    private static <T> T required(String argument, @Nullable T value, String example) {
        return Arguments.required(argument, value, example);
    }
}
