package dk.firmafon.announcements.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.firmafon.core.model.FirmafonModel;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A piece of system news from Firmafon, shown to a user until it is {@linkplain
 * dk.firmafon.announcements.AnnouncementsClient#markAsRead(long) marked as read}.
 */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableAnnouncement.class)
public abstract class Announcement {
    Announcement() {}

    public abstract long id();

    public abstract Optional<String> title();

    /**
     * The text, which <strong>may hold HTML</strong> exactly as the service sent it: escape or sanitise it before
     * putting it in a web page.
     */
    public abstract Optional<String> body();

    /** An image to show with the announcement, as sent (absolute URL). */
    @JsonProperty("image_url")
    public abstract Optional<String> imageUrl();

    /** The label of the announcement's call-to-action button. */
    @JsonProperty("button_title")
    public abstract Optional<String> buttonTitle();

    /** Where the button leads, as sent (absolute URL). */
    @JsonProperty("button_url")
    public abstract Optional<String> buttonUrl();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Announcement}. */
    public static final class Builder extends ImmutableAnnouncement.Builder {
        Builder() {}
    }
}
