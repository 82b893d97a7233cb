package dk.firmafon;

import dk.firmafon.announcements.AnnouncementsClient;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.calls.CallRecordingsClient;
import dk.firmafon.calls.CallsClient;
import dk.firmafon.calls.SmileysClient;
import dk.firmafon.calls.StatisticsClient;
import dk.firmafon.contacts.ContactsClient;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.employees.EmployeeGroupsClient;
import dk.firmafon.employees.EmployeesClient;
import dk.firmafon.employees.ReceptionsClient;
import dk.firmafon.events.EventsClient;
import dk.firmafon.voicemails.VoiceMailsClient;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Every resource client of the SDK, over one shared {@link FirmafonClient} (one configuration, one connection
 * pool). Immutable and thread-safe; build one per application and {@link #close()} it on shutdown.
 *
 * <pre>{@code
 * try (Firmafon firmafon = Firmafon.builder().baseUri(Firmafon.RELATEL).auth(AuthStrategy.bearer(token)).build()) {
 *     firmafon.voiceMails().list(VoiceMailQuery.all())...
 * }
 * }</pre>
 *
 * <p>This module depends on every resource module; {@code firmafon-core} depends on none of them. Applications
 * that need one resource only can depend on its module and use its client directly.
 */
public final class Firmafon implements AutoCloseable {
    /** {@code https://app.firmafon.dk/api/v2} (the default). */
    public static final URI FIRMAFON = FirmafonClient.FIRMAFON;
    /** {@code https://app.relatel.dk/api/v2}: the same API under Firmafon's new name. */
    public static final URI RELATEL = FirmafonClient.RELATEL;

    private final FirmafonClient client;
    private final CallsClient calls;
    private final EmployeesClient employees;
    private final EmployeeGroupsClient employeeGroups;
    private final ReceptionsClient receptions;
    private final ContactsClient contacts;
    private final VoiceMailsClient voiceMails;
    private final AnnouncementsClient announcements;
    private final SmileysClient smileys;
    private final CallRecordingsClient callRecordings;
    private final StatisticsClient statistics;
    private final EventsClient events;

    private Firmafon(FirmafonClient client) {
        this.client = client;
        this.calls = CallsClient.create(client);
        this.employees = EmployeesClient.create(client);
        this.employeeGroups = EmployeeGroupsClient.create(client);
        this.receptions = ReceptionsClient.create(client);
        this.contacts = ContactsClient.create(client);
        this.voiceMails = VoiceMailsClient.create(client);
        this.announcements = AnnouncementsClient.create(client);
        this.smileys = SmileysClient.create(client);
        this.callRecordings = CallRecordingsClient.create(client);
        this.statistics = StatisticsClient.create(client);
        this.events = EventsClient.create(client);
    }

    /** A builder for the common settings, with {@link Builder#client(Consumer)} reaching every other one. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every resource client over an already configured {@code client}; {@link #close()} closes it. */
    public static Firmafon create(FirmafonClient client) {
        if (client == null) {
            // the SDK's one null policy: an IllegalArgumentException naming the argument, as every create
            throw new IllegalArgumentException("client must not be null (FirmafonClient.builder()...build())");
        }
        return new Firmafon(client);
    }

    /** The shared transport, for endpoints no resource client covers yet. */
    public FirmafonClient client() {
        return client;
    }

    /**
     * Every resource client for another user (or another way to authenticate), over this one's connection pool and
     * settings: an application acting for many users keeps one {@code Firmafon} and derives one per user,
     * {@code firmafon.withAuth(oauth.forUser(userKey))}, instead of a new pool each. Closing this one closes the pool
     * the derived ones use; closing a derived one leaves the pool open.
     *
     * @throws IllegalArgumentException when {@code auth} is null
     */
    public Firmafon withAuth(AuthStrategy auth) {
        return new Firmafon(client.withAuth(auth));
    }

    /** Call history, live call control and click-to-call. */
    public CallsClient calls() {
        return calls;
    }

    /** Employees: the authenticated one, colleagues, update, send an SMS. */
    public EmployeesClient employees() {
        return employees;
    }

    /** Employee groups: list, get, members, join, leave, send an SMS. */
    public EmployeeGroupsClient employeeGroups() {
        return employeeGroups;
    }

    /** Receptions (the company's phone numbers): list, get. */
    public ReceptionsClient receptions() {
        return receptions;
    }

    /** Contacts: look up by number, create, get, update, delete. */
    public ContactsClient contacts() {
        return contacts;
    }

    /** Voice mails: paged listing, get, mark heard / unheard, delete, download the recording. */
    public VoiceMailsClient voiceMails() {
        return voiceMails;
    }

    /** Announcements (system news): list, mark as read. */
    public AnnouncementsClient announcements() {
        return announcements;
    }

    /** Smileys: callers' feedback and its statistics (needs Switch). */
    public SmileysClient smileys() {
        return smileys;
    }

    /** Call recordings: metadata and the sound, streamed. */
    public CallRecordingsClient callRecordings() {
        return callRecordings;
    }

    /** Aggregated call and chat statistics. */
    public StatisticsClient statistics() {
        return statistics;
    }

    /**
     * Live call and presence events from the Faye feed (the default feed and settings), or by polling; for other
     * settings, {@code EventsClient.create(firmafon.client(), settings)}.
     */
    public EventsClient events() {
        return events;
    }

    /**
     * Shuts down now: what has not been sent never will be, what is in flight is cancelled, the pool is disposed.
     * See {@link FirmafonClient#close()}. Idempotent; does not block.
     */
    @Override
    public void close() {
        client.close();
    }

    /**
     * Shuts down gracefully: starts nothing new, lets what runs finish for up to {@code timeout}, then closes. See
     * {@link FirmafonClient#closeGracefully(Duration)}.
     */
    public reactor.core.publisher.Mono<Void> closeGracefully(java.time.Duration timeout) {
        return client.closeGracefully(timeout);
    }

    /** Builds a {@link Firmafon} by configuring the {@link FirmafonClient} every resource client shares. */
    public static final class Builder {
        private final FirmafonClient.Builder client = FirmafonClient.builder();

        private Builder() {}

        /** The API's base URI: {@link #FIRMAFON} (default), {@link #RELATEL} or any other, e.g. a fake on loopback. */
        public Builder baseUri(URI baseUri) {
            client.baseUri(baseUri);
            return this;
        }

        /** How requests authenticate, e.g. {@code AuthStrategy.bearer(token)}. */
        public Builder auth(AuthStrategy auth) {
            client.auth(auth);
            return this;
        }

        /**
         * No identity of its own, for an application that acts for many users: every call goes through
         * {@code firmafon.withAuth(oauth.forUser(userKey))}, and a call without it fails with an
         * {@link IllegalStateException} before anything is sent. See {@link FirmafonClient.Builder#noDefaultUser()}.
         */
        public Builder noDefaultUser() {
            client.noDefaultUser();
            return this;
        }

        /** Any other {@link FirmafonClient.Builder} setting (timeouts, retries, ...). */
        public Builder client(Consumer<FirmafonClient.Builder> configuration) {
            Objects.requireNonNull(configuration, "configuration").accept(client);
            return this;
        }

        public Firmafon build() {
            return new Firmafon(client.build());
        }
    }
}
