package dk.firmafon.examples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Starts the example: {@code mvn -pl examples-webflux spring-boot:run} (configure {@code firmafon.*} first). */
@SpringBootApplication
@EnableConfigurationProperties(FirmafonProperties.class)
public class FirmafonWebApp {

    public static void main(String[] args) {
        SpringApplication.run(FirmafonWebApp.class, args);
    }
}
