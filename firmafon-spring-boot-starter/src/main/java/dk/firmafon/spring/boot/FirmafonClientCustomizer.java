package dk.firmafon.spring.boot;

import dk.firmafon.core.FirmafonClient;

/**
 * Changes the {@link FirmafonClient.Builder} the starter configured from {@code firmafon.*} properties, before the
 * client is built: an exchange listener, an ObjectMapper, anything the properties do not reach. Beans of this type
 * are applied in their {@code @Order}.
 */
@FunctionalInterface
public interface FirmafonClientCustomizer {
    void customize(FirmafonClient.Builder builder);
}
