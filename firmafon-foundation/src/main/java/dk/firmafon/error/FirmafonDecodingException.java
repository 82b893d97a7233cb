package dk.firmafon.error;

import org.jspecify.annotations.Nullable;

/** A response arrived but its body is not what the model expects (not JSON, missing envelope, wrong types). */
public class FirmafonDecodingException extends FirmafonException {
    private static final long serialVersionUID = 1L;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public FirmafonDecodingException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
