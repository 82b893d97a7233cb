package dk.firmafon.examples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Sign in with Firmafon and stream your calls: {@code mvn -pl examples-webflux spring-boot:run} after setting
 * {@code FIRMAFON_CLIENT_ID} and {@code FIRMAFON_CLIENT_SECRET}. Everything Firmafon comes from the starter: the
 * {@code Firmafon} bean calls the API as the signed-in user, Spring Security runs the sign-in.
 */
@SpringBootApplication
public class FirmafonWebApp {

    public static void main(String[] args) {
        SpringApplication.run(FirmafonWebApp.class, args);
    }
}
