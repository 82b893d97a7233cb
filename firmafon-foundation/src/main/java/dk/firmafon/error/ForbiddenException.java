package dk.firmafon.error;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * 403 Forbidden: the credential is valid but lacks the rights (admin rights, a switch, a company in trial), or the
 * company's subscription lacks the product the resource needs: {@link #requiredProduct()} names it for the resources
 * the API documents a product for (Switch or Mobile for calls, contacts and voice mails; Switch for employee groups;
 * Switch Premium for reception statistics), and the message says so.
 */
public class ForbiddenException extends FirmafonApiException {
    private static final long serialVersionUID = 1L;

    private final @Nullable String requiredProduct;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public ForbiddenException(Details details) {
        this(details, null);
    }

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public ForbiddenException(Details details, @Nullable String requiredProduct) {
        super(
                details,
                requiredProduct == null
                        ? ""
                        : " (this resource needs Relatel's " + requiredProduct
                                + " product, should the company's subscription lack it)");
        this.requiredProduct = requiredProduct;
    }

    /** The product the refused resource needs, as the API documents it, when it documents one. */
    public Optional<String> requiredProduct() {
        return Optional.ofNullable(requiredProduct);
    }
}
