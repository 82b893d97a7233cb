package dk.firmafon.voicemails;

import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.FirmafonClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import reactor.blockhound.BlockHound;

/**
 * Run in a child JVM with a small heap by {@link VoiceMailDownloadSmallHeapTest}: downloads one voice mail to a file
 * with BlockHound installed. Arguments: base URI, voice-mail id, file. Exits 0 on success.
 */
public final class DownloadToFileMain {
    private DownloadToFileMain() {}

    public static void main(String[] args) {
        try {
            BlockHound.install();
            try (FirmafonClient client = FirmafonClient.builder()
                    .baseUri(URI.create(args[0]))
                    .auth(AuthStrategy.bearer("test-token"))
                    .build()) {
                Long written = VoiceMailsClient.create(client)
                        .downloadTo(Long.parseLong(args[1]), Path.of(args[2]))
                        .block(Duration.ofMinutes(2));
                System.out.println("wrote " + written + " bytes with a maximum heap of "
                        + Runtime.getRuntime().maxMemory() + " bytes");
            }
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
