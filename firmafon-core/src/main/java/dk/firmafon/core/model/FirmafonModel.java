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
 * <p>Optionality follows one rule, since the reference marks no field of a response as always present: a model's
 * id (and a field the SDK itself needs, such as a listing's paging cursor) is a plain value that decoding requires;
 * every other field is an {@code Optional} (or an empty list, or a documented default), so a payload that leaves a
 * field out or sends {@code null} decodes instead of failing a whole listing. Names are therefore {@code Optional}
 * on every model ({@code Employee}, {@code EmployeeGroup}, {@code Reception}, {@code Contact}).
 *
 * <p>The generated builders are package-private, so the Javadoc documents their setters on the public
 * {@code X.Builder} itself, each linking to the attribute it sets.
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
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
        jdkOnly = true,
        redactedMask = "[REDACTED]",
        defaults = @Value.Immutable(copy = true))
public @interface FirmafonModel {}
