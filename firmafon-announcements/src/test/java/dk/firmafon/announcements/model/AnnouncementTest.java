package dk.firmafon.announcements.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.announcements.Fixtures;
import org.junit.jupiter.api.Test;

class AnnouncementTest {

    @Test
    void announcementFixtureRoundTripsWithEveryFieldAndTheHtmlBodyUntouched() throws Exception {
        JsonNode payload =
                Fixtures.mapper().readTree(Fixtures.text("announcement.json")).get("announcement");

        Announcement announcement = Fixtures.mapper().treeToValue(payload, Announcement.class);
        JsonNode written = Fixtures.mapper().valueToTree(announcement);

        assertThat(announcement)
                .isEqualTo(Announcement.builder()
                        .id(8)
                        .title("New switchboard view")
                        .body("<p>The switchboard now shows queue length.</p>")
                        .imageUrl("https://example.org/switchboard.png")
                        .buttonTitle("Read more")
                        .buttonUrl("https://example.org/news/8")
                        .build());
        assertThat(Fixtures.mapper().readTree(written.toString()))
                .as("written back exactly")
                .isEqualTo(payload);
        assertThat(Fixtures.mapper().treeToValue(written, Announcement.class)).isEqualTo(announcement);
    }

    @Test
    void unknownFieldsAndNullsAreReadWithoutError() throws Exception {
        Announcement announcement = Fixtures.mapper()
                .readValue(
                        "{\"id\": 9, \"title\": null, \"image_url\": null, \"priority\": \"high\", \"tags\": [\"x\"]}",
                        Announcement.class);

        assertThat(announcement).isEqualTo(Announcement.builder().id(9).build());
    }
}
