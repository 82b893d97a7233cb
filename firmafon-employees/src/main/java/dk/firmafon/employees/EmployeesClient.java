package dk.firmafon.employees;

import com.fasterxml.jackson.databind.node.NullNode;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.support.Arguments;
import dk.firmafon.employees.internal.Sms;
import dk.firmafon.employees.model.Employee;
import dk.firmafon.employees.model.EmployeeUpdate;
import dk.firmafon.employees.model.MessageResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The authenticated employee and their colleagues: read them, change do-not-disturb and group membership, and send
 * one of them an SMS.
 *
 * <pre>{@code
 * EmployeesClient employees = EmployeesClient.create(firmafonClient);
 * employees.list().filter(e -> e.livePresence().equals(Optional.of(LivePresence.AVAILABLE)))
 *     .subscribe(e -> System.out.println(e.name().orElse("(no name)")));
 * }</pre>
 *
 * <p>Every method returns a cold publisher: nothing is sent before subscription, and bad arguments arrive as an
 * {@link IllegalArgumentException} naming the argument, without a request.
 */
public final class EmployeesClient {
    private static final String EMPLOYEES = "/employees";

    private final FirmafonClient client;

    private EmployeesClient(FirmafonClient client) {
        this.client = client;
    }

    /** A client over {@code client}'s connection, base URI and authentication. */
    public static EmployeesClient create(FirmafonClient client) {
        return new EmployeesClient(
                dk.firmafon.core.support.Arguments.required("client", client, "FirmafonClient.builder()...build()"));
    }

    /** The authenticated employee ({@code GET /employee}). */
    public Mono<Employee> me() {
        return client.retrieve(ApiRequest.get("/employee"), "employee", Employee.class);
    }

    /** The company's employees, ordered by first name ({@code GET /employees}). */
    public Flux<Employee> list() {
        return client.retrieveList(ApiRequest.get(EMPLOYEES), "employees", Employee.class)
                .flatMapIterable(employees -> employees);
    }

    /**
     * One employee ({@code GET /employees/:id}); a {@link dk.firmafon.error.NotFoundException} when there is none.
     */
    public Mono<Employee> get(long id) {
        return Mono.defer(
                () -> client.retrieve(ApiRequest.get(Arguments.idPath(EMPLOYEES, id)), "employee", Employee.class));
    }

    /**
     * Changes an employee ({@code PUT /employees/:id}), sending only the fields set in {@code update}, and returns
     * the employee as the service stored it. Changing {@link EmployeeUpdate#employeeGroupIds() group membership}
     * needs admin rights; the service refuses it otherwise.
     *
     * @param update at least one field set; null or an update with nothing set is refused, naming {@code update}
     */
    public Mono<Employee> update(long id, @Nullable EmployeeUpdate update) {
        return Mono.defer(() -> send(Arguments.idPath(EMPLOYEES, id), update));
    }

    /**
     * Changes the authenticated employee ({@code PUT /employee}), sending only the fields set in {@code update}, and
     * returns the employee as the service stored it. The current reference lists "update the currently authenticated
     * employee" without showing its path; this follows the API's conventions ({@code GET /employee} reads the same
     * employee). Changing {@link EmployeeUpdate#employeeGroupIds() group membership} needs admin rights.
     *
     * @param update at least one field set; null or an update with nothing set is refused, naming {@code update}
     */
    public Mono<Employee> updateMe(@Nullable EmployeeUpdate update) {
        return send("/employee", update);
    }

    private Mono<Employee> send(String path, @Nullable EmployeeUpdate update) {
        if (update == null) {
            return Mono.error(() -> new IllegalArgumentException("update must not be null"));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        update.doNotDisturb().ifPresent(value -> fields.put("do_not_disturb", value));
        update.dndTimeoutAt().ifPresent(value -> fields.put("dnd_timeout_at", value));
        if (update.clearDndTimeoutAt()) {
            fields.put("dnd_timeout_at", NullNode.getInstance());
        }
        update.employeeGroupIds().ifPresent(value -> fields.put("employee_group_ids", value));
        if (fields.isEmpty()) {
            return Mono.error(new IllegalArgumentException(
                    "update must set at least one of doNotDisturb, dndTimeoutAt, clearDndTimeoutAt, employeeGroupIds"));
        }
        ApiRequest request = ApiRequest.put(path).withBody(Map.of("employee", fields));
        return client.retrieve(request, "employee", Employee.class);
    }

    /**
     * Sends an SMS to one employee ({@code POST /employees/:id/message}). <strong>It costs money</strong>, and the
     * service refuses it for companies in trial.
     *
     * <p>Never retried automatically, not even after a 503 or a lost connection: the message may have gone out,
     * and a second attempt would send it twice. Retrying is the caller's decision.
     *
     * <p>The body must not be blank and must fit in 10 SMS segments: 1,530 characters of the GSM-7 alphabet
     * (which holds Danish letters; {@code € [ ] { } \ ^ ~ |} count twice), or 670 when the text holds any other
     * character, such as an emoji. Ten segments bounds the cost of one send and stays well inside what phones
     * reassemble; the service documents no limit of its own. A longer body is refused before sending.
     *
     * @return the service's answer; {@link MessageResult#sent()} {@code false} is a result, not an error
     */
    public Mono<MessageResult> sendMessage(long id, @Nullable String body) {
        return Mono.defer(() -> Sms.send(client, Arguments.idPath(EMPLOYEES, id) + "/message", body));
    }
}
