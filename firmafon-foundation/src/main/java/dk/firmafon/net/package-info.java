/**
 * How the SDK reaches the network: {@link dk.firmafon.net.NetworkSettings} (proxy, TLS trust and client certificate,
 * compression, {@code User-Agent}), shared by API calls, downloads, the token endpoint and live events.
 */
@NullMarked
package dk.firmafon.net;

import org.jspecify.annotations.NullMarked;
