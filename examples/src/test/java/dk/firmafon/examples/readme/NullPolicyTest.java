package dk.firmafon.examples.readme;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.firmafon.Firmafon;
import dk.firmafon.announcements.AnnouncementsClient;
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
import dk.firmafon.events.EventsSettings;
import dk.firmafon.voicemails.VoiceMailsClient;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * One null policy (#31): every resource client's {@code create} refuses a null {@link FirmafonClient} the same way, an
 * {@link IllegalArgumentException} naming the argument and saying how to make one (it was an
 * {@code IllegalArgumentException} for calls and a {@code NullPointerException} for the ten others).
 */
class NullPolicyTest {

    @Test
    void everyCreateRefusesANullClientAlike() {
        List<Function<FirmafonClient, Object>> creates = List.of(
                CallsClient::create,
                SmileysClient::create,
                CallRecordingsClient::create,
                StatisticsClient::create,
                ContactsClient::create,
                EmployeesClient::create,
                EmployeeGroupsClient::create,
                ReceptionsClient::create,
                VoiceMailsClient::create,
                AnnouncementsClient::create,
                client -> EventsClient.create(client, EventsSettings.defaults()),
                Firmafon::create);
        for (Function<FirmafonClient, Object> create : creates) {
            assertThatThrownBy(() -> create.apply(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("client must not be null (FirmafonClient.builder()...build())");
        }
    }
}
