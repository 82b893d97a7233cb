package dk.firmafon.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style every SDK model uses: generated {@code ImmutableX} classes are package-private and
 * hidden behind the model's own {@code builder()} (the "extending builder" pattern), Jackson reads through the
 * generated class, unknown JSON fields are ignored, and {@code Optional} is used for absent-able fields.
 *
 * <pre>{@code
 * @Value.Immutable
 * @FirmafonModel
 * @JsonDeserialize(as = ImmutableContact.class)
 * public abstract class Contact {
 *     public abstract long id();
 *     public static Builder builder() { return new Builder(); }
 *     public static final class Builder extends ImmutableContact.Builder {}
 * }
 * }</pre>
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@JsonIgnoreProperties(ignoreUnknown = true)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        jdkOnly = true,
        redactedMask = "[REDACTED]",
        defaults = @Value.Immutable(copy = true))
public @interface FirmafonModel {}
