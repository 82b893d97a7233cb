package dk.firmafon.employees.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.firmafon.core.model.FirmafonModel;
import org.immutables.value.Value;

/**
 * The service's answer to an SMS to an employee or a group: {@code {"sent": true}}.
 *
 * <p>{@link #sent()} {@code false} is a result, not an error: the request reached the service and was answered,
 * and the service reports that it did not send. Callers that must know the message went out check {@code sent()}.
 * The SDK neither retries nor guesses a reason (refusals it can explain, such as a company in trial, arrive as HTTP
 * errors and therefore as error signals).
 */
@Value.Immutable
@FirmafonModel
@JsonDeserialize(as = ImmutableMessageResult.class)
public abstract class MessageResult {
    MessageResult() {}

    /**
     * Whether the service sent the message. Read leniently: {@code true} or {@code false} as documented, or a number
     * as a public client reads it ({@code 0} is false, any other count true), or either as a string.
     */
    @JsonDeserialize(using = LenientJson.SentFlag.class)
    public abstract boolean sent();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link MessageResult}. */
    public static final class Builder extends ImmutableMessageResult.Builder {
        Builder() {}
    }
}
