package dk.firmafon.employees.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dk.firmafon.core.model.OpenValue;
import java.util.Collection;

/**
 * A feature an employee's subscription gives them, as the API lists it in {@code features}. An open value: a feature
 * this SDK version does not know is kept ({@code isKnown() == false}) rather than rejected; Relatel adds features by
 * subscription.
 */
public final class EmployeeFeature extends OpenValue {
    private static final Known<EmployeeFeature> KNOWN = new Known<>(EmployeeFeature::new);

    /** {@code mobile}: a mobile subscription. */
    public static final EmployeeFeature MOBILE = KNOWN.add("mobile");
    /** {@code switch}: part of the virtual switchboard (needed to join or leave groups). */
    public static final EmployeeFeature SWITCH = KNOWN.add("switch");
    /** {@code live_call}: live call control. */
    public static final EmployeeFeature LIVE_CALL = KNOWN.add("live_call");
    /** {@code integrations}: third-party integrations. */
    public static final EmployeeFeature INTEGRATIONS = KNOWN.add("integrations");

    private EmployeeFeature(String value, boolean known) {
        super(value, known);
    }

    /**
     * The feature for {@code value}: a constant of this class when known, otherwise a new value that keeps it.
     *
     * @throws IllegalArgumentException naming {@code feature} when value is null or blank
     */
    @JsonCreator
    public static EmployeeFeature of(String value) {
        return KNOWN.of("feature", value);
    }

    /** Every feature this SDK version knows, in declaration order. */
    public static Collection<EmployeeFeature> knownValues() {
        return KNOWN.values();
    }
}
