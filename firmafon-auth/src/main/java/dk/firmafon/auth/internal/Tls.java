package dk.firmafon.auth.internal;

import dk.firmafon.error.FirmafonTlsException;
import dk.firmafon.foundation.internal.Redaction;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jspecify.annotations.Nullable;

/** Telling a TLS verification failure (never worth repeating) from other transport failures. */
public final class Tls {
    private Tls() {}

    /**
     * Whether {@code error} or a cause is a failed TLS handshake (certificate, host name, protocol); a handshake
     * that timed out is not.
     */
    public static boolean isVerificationFailure(Throwable error) {
        return handshakeFailure(error) != null;
    }

    /** The typed error for a failed handshake: {@code prefix} (e.g. {@code "GET https://... failed: "}) and why. */
    public static FirmafonTlsException verificationFailure(String prefix, Throwable error) {
        Throwable handshake = handshakeFailure(error);
        boolean certificate = false;
        for (Throwable t = error; t != null; t = t.getCause()) {
            certificate |= t instanceof CertificateException
                    || t instanceof java.security.cert.CertPathValidatorException
                    || t instanceof java.security.cert.CertPathBuilderException
                    || t instanceof SSLPeerUnverifiedException;
            if (t.getCause() == t) {
                break;
            }
        }
        String detail = handshake == null || handshake.getMessage() == null
                ? ""
                : ": " + Redaction.excerpt(handshake.getMessage(), 200);
        return new FirmafonTlsException(
                prefix
                        + (certificate
                                ? "the server's TLS certificate could not be verified (not trusted, or not for this host)"
                                : "the TLS handshake failed")
                        + detail + "; not retried",
                error);
    }

    private static @Nullable Throwable handshakeFailure(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof SslHandshakeTimeoutException) {
                return null; // a stall, not a verdict: retried like a connect timeout
            }
            if (t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException) {
                return t;
            }
        }
        return null;
    }
}
