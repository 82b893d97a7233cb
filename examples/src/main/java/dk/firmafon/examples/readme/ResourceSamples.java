package dk.firmafon.examples.readme;

import dk.firmafon.Firmafon;
import dk.firmafon.announcements.model.Announcement;
import dk.firmafon.calls.CallQuery;
import dk.firmafon.calls.SmileyQuery;
import dk.firmafon.calls.StatisticsQuery;
import dk.firmafon.calls.model.Call;
import dk.firmafon.calls.model.CallDirection;
import dk.firmafon.calls.model.CallNode;
import dk.firmafon.calls.model.Smiley;
import dk.firmafon.calls.model.Statistics;
import dk.firmafon.calls.model.TransferType;
import dk.firmafon.contacts.ContactQuery;
import dk.firmafon.contacts.model.ContactDraft;
import dk.firmafon.core.model.Contact;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.employees.ReceptionStatisticsQuery;
import dk.firmafon.employees.model.Employee;
import dk.firmafon.employees.model.EmployeeGroup;
import dk.firmafon.employees.model.EmployeeGroupDraft;
import dk.firmafon.employees.model.EmployeeUpdate;
import dk.firmafon.employees.model.MessageResult;
import dk.firmafon.employees.model.Reception;
import dk.firmafon.employees.model.ReceptionPhase;
import dk.firmafon.employees.model.ReceptionStatistics;
import dk.firmafon.voicemails.VoiceMailQuery;
import dk.firmafon.voicemails.model.VoiceMail;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** README, "Resources": one short example per resource. */
final class ResourceSamples {
    private ResourceSamples() {}

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    static Flux<Call> calls(Firmafon firmafon) {
        // [readme]
        Flux<Call> incomingToday = firmafon.calls()
                .list(CallQuery.builder()
                        .endpoint(Endpoint.reception(7))
                        .direction(CallDirection.INCOMING)
                        .startedOn(LocalDate.now(COPENHAGEN), COPENHAGEN) // also startedIn(month, zone), startedBetween
                        .build()); // pages with the inclusive cursor, each call once
        Mono<Call> one = firmafon.calls().get("b216ac81-7293-4480-8035-9b9540004a44");
        // [readme]
        return incomingToday.concatWith(one);
    }

    static Mono<Void> liveCalls(Firmafon firmafon) {
        // [readme]
        Flux<CallNode> live = firmafon.calls().live(); // the user's live call legs
        Mono<Void> transferred = live.next().flatMap(node -> firmafon.calls()
                .transfer(node.nodeUuid(), Endpoint.reception(7), TransferType.ATTENDED));
        Mono<Void> dialled = firmafon.calls().dial("+45 71 99 99 99").then(); // click-to-call: rings you, then them
        // [readme]
        return transferred.then(dialled);
    }

    static Flux<Object> employees(Firmafon firmafon) {
        // [readme]
        Mono<Employee> me = firmafon.employees().me();
        Mono<Employee> quiet = me.flatMap(employee -> firmafon.employees()
                .update(
                        employee.id(),
                        EmployeeUpdate.builder()
                                .doNotDisturb(true)
                                .dndTimeoutAt(OffsetDateTime.now().plusHours(1))
                                .build()));
        Mono<MessageResult> sms = firmafon.employees().sendMessage(17, "Call me back"); // costs money, never retried
        Mono<Employee> available = firmafon.employees()
                .updateMe(EmployeeUpdate.builder().doNotDisturb(false).build());
        Flux<EmployeeGroup> groups = firmafon.employeeGroups().list();
        Mono<EmployeeGroup> joined = firmafon.employeeGroups().join(3);
        Mono<EmployeeGroup> created = firmafon.employeeGroups()
                .create( // admins; a POST, never retried
                        EmployeeGroupDraft.builder()
                                .name("Night shift")
                                .employeeIds(List.of(12L, 15L))
                                .build());
        Flux<Reception> receptions = firmafon.receptions().list();
        Mono<ReceptionStatistics> figures = firmafon.receptions()
                .statistics(
                        7, // needs Switch Premium
                        ReceptionStatisticsQuery.builder()
                                .answerTarget(Duration.ofSeconds(20))
                                .addPhases(ReceptionPhase.OPEN)
                                .build());
        // [readme]
        return Flux.concat(quiet, sms, groups, joined, receptions);
    }

    static Mono<Void> contacts(Firmafon firmafon) {
        // [readme]
        Mono<Contact> created = firmafon.contacts()
                .create(ContactDraft.builder()
                        .number(PhoneNumber.of("+45 20 30 40 50"))
                        .name("Ida Iversen")
                        .build());
        Mono<Contact> found = firmafon.contacts().lookup("4520304050"); // empty when no contact has it
        Flux<Contact> everyContact = firmafon.contacts().list(ContactQuery.all()); // by id, each once, paged lazily
        Mono<Contact> withoutEmail = firmafon.contacts()
                .update(
                        311, // sends "email": null
                        ContactDraft.builder().clearEmail(true).build());
        Mono<Void> deleted = created.flatMap(
                contact -> firmafon.contacts().delete(contact.id().orElseThrow()));
        // [readme]
        return found.then(deleted);
    }

    static Flux<Long> voiceMails(Firmafon firmafon, Path directory) {
        // [readme]
        Flux<VoiceMail> unheard =
                firmafon.voiceMails().list(VoiceMailQuery.all()).filter(mail -> !mail.heard());
        Flux<Long> saved = unheard.concatMap(
                mail -> // streamed to disk, never held whole
                firmafon.voiceMails()
                        .downloadTo(mail.id(), directory.resolve(mail.id() + ".mp3"))
                        .flatMap(bytes ->
                                firmafon.voiceMails().markHeard(mail.id()).thenReturn(bytes)));
        // [readme]
        return saved;
    }

    static Flux<Announcement> announcements(Firmafon firmafon) {
        // [readme]
        Flux<Announcement> dismissed = firmafon.announcements()
                .list()
                .concatMap(announcement -> firmafon.announcements().markAsRead(announcement.id()));
        // [readme]
        return dismissed;
    }

    static Mono<Long> feedback(Firmafon firmafon, java.nio.file.Path directory) {
        // [readme]
        Flux<Smiley> unhappy = firmafon.smileys()
                .list(SmileyQuery.all().withEndpoint(Endpoint.reception(2)))
                .filter(smiley -> smiley.netPromoterScore().orElse(10) <= 6);
        Mono<Long> saved = unhappy.next()
                .flatMap(smiley -> Mono.justOrEmpty(smiley.callRecording()))
                .flatMap(recording -> firmafon.callRecordings() // streamed to disk, credentials only to the API host
                        .downloadTo(recording, directory.resolve("complaint.mp3")));
        Mono<Statistics> perDay = firmafon.statistics()
                .statistics(StatisticsQuery.of(StatisticsQuery.EndpointType.RECEPTION)
                        .between(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)) // dates, both included
                        .groupedBy(StatisticsQuery.Grouping.PERIOD_DAY)); // rows: periodDay(), figures(), raw()
        // [readme]
        return perDay.then(saved);
    }
}
