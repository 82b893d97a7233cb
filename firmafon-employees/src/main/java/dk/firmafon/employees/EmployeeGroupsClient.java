package dk.firmafon.employees;

import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.support.Arguments;
import dk.firmafon.employees.internal.Sms;
import dk.firmafon.employees.model.Employee;
import dk.firmafon.employees.model.EmployeeGroup;
import dk.firmafon.employees.model.EmployeeGroupDraft;
import dk.firmafon.employees.model.MessageResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Employee groups: read them and their members, let the authenticated employee join or leave one, and send an SMS
 * to every member.
 *
 * <pre>{@code
 * EmployeeGroupsClient groups = EmployeeGroupsClient.create(firmafonClient);
 * groups.join(3).subscribe(group -> System.out.println("now in " + group.name().orElse("?")));
 * }</pre>
 *
 * <p>Every method returns a cold publisher: nothing is sent before subscription, and bad arguments arrive as an
 * {@link IllegalArgumentException} naming the argument, without a request.
 *
 * <p>Retries: {@link #join} and {@link #leave} are POSTs whose repetition is harmless (joining a group one is
 * already in, or leaving one already left, changes nothing), so they are marked idempotent and the transport may
 * retry them like a GET. {@link #sendMessage} costs money per member and is never retried.
 */
public final class EmployeeGroupsClient {
    private static final String GROUPS = "/employee_groups";

    private final FirmafonClient client;

    private EmployeeGroupsClient(FirmafonClient client) {
        this.client = client;
    }

    /** A client over {@code client}'s connection, base URI and authentication. */
    public static EmployeeGroupsClient create(FirmafonClient client) {
        return new EmployeeGroupsClient(
                dk.firmafon.core.support.Arguments.required("client", client, "FirmafonClient.builder()...build()"));
    }

    /** Every group of the company ({@code GET /employee_groups}). */
    public Flux<EmployeeGroup> list() {
        return client.retrieveList(ApiRequest.get(GROUPS), "employee_groups", EmployeeGroup.class)
                .flatMapIterable(groups -> groups);
    }

    /**
     * One group ({@code GET /employee_groups/:id}); a {@link dk.firmafon.error.NotFoundException} when there is none.
     */
    public Mono<EmployeeGroup> get(long id) {
        return Mono.defer(() ->
                client.retrieve(ApiRequest.get(Arguments.idPath(GROUPS, id)), "employee_group", EmployeeGroup.class));
    }

    /**
     * Creates an employee group ({@code POST /employee_groups} with {@code name} and, optionally,
     * {@code employee_ids}); needs admin rights. A POST: never repeated automatically.
     *
     * @param draft with a name; a missing or blank name, or an id that is not positive, is refused naming the field
     */
    public Mono<EmployeeGroup> create(@Nullable EmployeeGroupDraft draft) {
        return Mono.defer(() -> {
            Map<String, Object> fields = fields(draft);
            if (!fields.containsKey("name")) {
                return Mono.error(new IllegalArgumentException("draft.name is required to create a group"));
            }
            return client.retrieve(
                    ApiRequest.post(GROUPS).withBody(Map.of("employee_group", fields)),
                    "employee_group",
                    EmployeeGroup.class);
        });
    }

    /**
     * Changes a group's name or members ({@code PUT /employee_groups/:id}, the API's convention; the reference lists
     * the operation without showing its path), sending only the fields set; needs admin rights.
     *
     * @param draft at least one field set
     */
    public Mono<EmployeeGroup> update(long id, @Nullable EmployeeGroupDraft draft) {
        return Mono.defer(() -> {
            Map<String, Object> fields = fields(draft);
            if (fields.isEmpty()) {
                return Mono.error(new IllegalArgumentException("draft must set at least one of name, employeeIds"));
            }
            return client.retrieve(
                    ApiRequest.put(Arguments.idPath(GROUPS, id)).withBody(Map.of("employee_group", fields)),
                    "employee_group",
                    EmployeeGroup.class);
        });
    }

    private static Map<String, Object> fields(@Nullable EmployeeGroupDraft draft) {
        Arguments.required("draft", draft, "use EmployeeGroupDraft.builder()");
        Map<String, Object> fields = new LinkedHashMap<>();
        draft.name().ifPresent(name -> fields.put("name", Arguments.notBlank("draft.name", name)));
        draft.employeeIds()
                .ifPresent(ids -> fields.put("employee_ids", Arguments.positiveIds("draft.employeeIds", ids)));
        return fields;
    }

    /** The group's members ({@code GET /employee_groups/:id/employees}). */
    public Flux<Employee> members(long id) {
        return Flux.defer(() -> client.retrieveList(
                        ApiRequest.get(Arguments.idPath(GROUPS, id) + "/employees"), "employees", Employee.class)
                .flatMapIterable(employees -> employees));
    }

    /**
     * The authenticated employee joins the group ({@code POST /employee_groups/:id/join}; needs a switch, see
     * {@link dk.firmafon.employees.model.EmployeeFeature#SWITCH}) and gets the group back as it now is. Idempotent: the transport may retry it.
     */
    public Mono<EmployeeGroup> join(long id) {
        return membership(id, "join");
    }

    /**
     * The authenticated employee leaves the group ({@code POST /employee_groups/:id/leave}; needs a switch) and gets
     * the group back as it now is. Idempotent: the transport may retry it.
     */
    public Mono<EmployeeGroup> leave(long id) {
        return membership(id, "leave");
    }

    private Mono<EmployeeGroup> membership(long id, String verb) {
        // joining or leaving twice ends in the same membership: safe to repeat
        return Mono.defer(() -> client.retrieve(
                ApiRequest.post(Arguments.idPath(GROUPS, id) + "/" + verb).withIdempotent(true),
                "employee_group",
                EmployeeGroup.class));
    }

    /**
     * Sends an SMS to every member of the group ({@code POST /employee_groups/:id/message}). <strong>It costs money
     * per member</strong>, and the service refuses it for companies in trial.
     *
     * <p>The same rules as {@link EmployeesClient#sendMessage(long, String)}: never retried automatically, and the
     * body must be non-blank and fit in 10 SMS segments (1,530 GSM-7 characters, or 670 otherwise), checked before
     * anything is sent.
     *
     * @return the service's answer; {@link MessageResult#sent()} {@code false} is a result, not an error
     */
    public Mono<MessageResult> sendMessage(long id, @Nullable String body) {
        return Mono.defer(() -> Sms.send(client, Arguments.idPath(GROUPS, id) + "/message", body));
    }
}
