package dk.firmafon.examples.webflux;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Spring Security draws the OAuth {@code state} from a {@code SecureRandom} on the event loop, which reads
 * {@code /dev/urandom}. That is Spring's choice, not this example's or the SDK's: allowed there, and only there, so
 * BlockHound keeps watching everything else in these tests.
 */
public final class SpringSecurityRandomness implements BlockHoundIntegration {
    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside(
                        "org.springframework.security.crypto.keygen.Base64StringKeyGenerator", "generateKey")
                .allowBlockingCallsInside(
                        "org.springframework.security.crypto.keygen.SecureRandomBytesKeyGenerator", "generateKey");
    }
}
