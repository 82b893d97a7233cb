package dk.firmafon.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Firmafon and Relatel as Spring Security OAuth2 client providers: their authorization, token and user-info URIs
 * (following {@code firmafon.base-uri} when it is set, as for a test server), and, for a registration named
 * {@code firmafon} or {@code relatel} that has a client id, the grant type, client authentication and redirect URI.
 * An application then sets only {@code client-id}, {@code client-secret} (and a {@code redirect-uri} when not
 * {@code {baseUrl}/login/oauth2/code/{registrationId}}). Every value is a default: the application's own wins.
 */
public class FirmafonOAuth2Defaults implements EnvironmentPostProcessor {
    static final String SOURCE = "firmafonOAuth2Defaults";
    private static final String PROVIDER = "spring.security.oauth2.client.provider.";
    private static final String REGISTRATION = "spring.security.oauth2.client.registration.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        provider(defaults, "firmafon", "${firmafon.base-uri:https://app.firmafon.dk/api/v2}");
        provider(defaults, "relatel", "${firmafon.base-uri:https://app.relatel.dk/api/v2}");
        for (String id : new String[] {"firmafon", "relatel"}) {
            if (environment.containsProperty(REGISTRATION + id + ".client-id")) {
                String registration = REGISTRATION + id + ".";
                defaults.put(registration + "provider", id);
                defaults.put(registration + "authorization-grant-type", "authorization_code");
                defaults.put(registration + "client-authentication-method", "client_secret_post");
                defaults.put(registration + "redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}");
                defaults.put(registration + "client-name", id.equals("firmafon") ? "Firmafon" : "Relatel");
            }
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }

    private static void provider(Map<String, Object> defaults, String id, String base) {
        String provider = PROVIDER + id + ".";
        defaults.put(provider + "authorization-uri", base + "/authorize");
        defaults.put(provider + "token-uri", base + "/token");
        defaults.put(provider + "user-info-uri", base + "/employee");
        defaults.put(provider + "user-info-authentication-method", "header");
        defaults.put(provider + "user-name-attribute", "id");
    }
}
