package dk.firmafon.calls;

import dk.firmafon.calls.model.DialRestriction;
import dk.firmafon.core.model.FirmafonModel;
import dk.firmafon.core.model.PhoneNumber;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A click-to-call for {@link CallsClient#dial(DialRequest)}: the service first rings the authenticated employee,
 * then {@link #toNumber()}.
 *
 * <pre>{@code
 * DialRequest.builder().toNumber(PhoneNumber.of("+45 71 99 99 99")).restrictTo(DialRestriction.MOBILE).build()
 * }</pre>
 */
@Value.Immutable
@FirmafonModel
public abstract class DialRequest {
    DialRequest() {}

    /** The number to call: {@code to_number}. */
    public abstract PhoneNumber toNumber();

    /** Where to ring the employee first: {@code restrict_to}; the service chooses when absent. */
    public abstract Optional<DialRestriction> restrictTo();

    /**
     * Show this reception's number to the called party instead of the employee's: {@code cloak_reception_id}; a
     * positive reception id (checked when dialling).
     */
    public abstract Optional<Long> cloakReceptionId();

    /** A request to call {@code toNumber} with the service's defaults. */
    public static DialRequest to(PhoneNumber toNumber) {
        return builder().toNumber(toNumber).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DialRequest}. */
    public static final class Builder extends ImmutableDialRequest.Builder {
        Builder() {}
    }
}
