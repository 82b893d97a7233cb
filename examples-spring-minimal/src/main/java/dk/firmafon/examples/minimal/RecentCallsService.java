package dk.firmafon.examples.minimal;

import dk.firmafon.Firmafon;
import dk.firmafon.calls.model.Call;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * The smallest Firmafon service: the starter and one property, {@code firmafon.token}. {@code GET /recent-calls}
 * answers the token owner's newest calls. Run it with {@code FIRMAFON_TOKEN=... mvn -pl examples-spring-minimal
 * spring-boot:run}.
 */
@SpringBootApplication
@RestController
public class RecentCallsService {
    private final Firmafon firmafon;

    RecentCallsService(Firmafon firmafon) {
        this.firmafon = firmafon;
    }

    /** One line per call: when, from, to. */
    record Line(String uuid, String startedAt, String from, String to) {
        static Line of(Call call) {
            return new Line(
                    call.callUuid(),
                    call.startedAt().map(Object::toString).orElse(""),
                    call.fromNumber().map(Object::toString).orElse(""),
                    call.toNumber().map(Object::toString).orElse(""));
        }
    }

    @GetMapping("/recent-calls")
    Flux<Line> recent(@RequestParam(name = "max", defaultValue = "10") int max) {
        return firmafon.calls().list().take(Math.max(1, Math.min(max, 100))).map(Line::of);
    }

    public static void main(String[] args) {
        SpringApplication.run(RecentCallsService.class, args);
    }
}
