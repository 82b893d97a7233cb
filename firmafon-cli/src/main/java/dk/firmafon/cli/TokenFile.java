package dk.firmafon.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.auth.OAuthToken;
import dk.firmafon.auth.StoredToken;
import dk.firmafon.auth.TokenStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The token {@code auth login} stores for later commands, one file per profile: {@code {"access_token": ...,
 * "base_url": ..., "oauth_token": ...}} (the last the whole token, refresh token included, in the SDK's
 * {@link StoredToken} form) in a file only its owner can read (see {@link PrivateFile}).
 */
final class TokenFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path path;

    TokenFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** A stored token and the API base URL it is for. {@code toString()} never shows the token. */
    record Stored(String accessToken, URI baseUrl, Optional<OAuthToken> oauth) {
        Stored(String accessToken, URI baseUrl) {
            this(accessToken, baseUrl, Optional.empty());
        }

        /** The whole token (with its refresh token) for {@code baseUrl}. */
        static Stored of(OAuthToken token, URI baseUrl) {
            return new Stored(token.accessToken(), baseUrl, Optional.of(token));
        }

        @Override
        public String toString() {
            return "Stored[accessToken=[REDACTED], baseUrl=" + baseUrl + "]";
        }
    }

    /** The stored token, if the file exists. */
    Optional<Stored> read() {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            JsonNode json = MAPPER.readTree(path.toFile());
            String token = json.path("access_token").asText("");
            String baseUrl = json.path("base_url").asText("");
            if (token.isEmpty() || baseUrl.isEmpty()) {
                throw new ConfigurationException(
                        "the token file " + path + " lacks access_token or base_url: run `firmafon auth login` again");
            }
            String oauth = json.path("oauth_token").asText("");
            return Optional.of(new Stored(
                    token,
                    URI.create(baseUrl),
                    oauth.isEmpty() ? Optional.empty() : Optional.of(StoredToken.decode(oauth))));
        } catch (IllegalArgumentException | dk.firmafon.error.TokenStoreException e) {
            throw new ConfigurationException("the token file " + path
                    + " has an invalid base_url or oauth_token: run `firmafon auth login` again");
        } catch (IOException e) {
            throw PrivateFile.unreadable("the token file", path, e, "run `firmafon auth login` again");
        }
    }

    /** Stores {@code token}, replacing any earlier one. */
    void write(Stored token) {
        try {
            PrivateFile.write(
                    path,
                    MAPPER.writeValueAsBytes(MAPPER.createObjectNode()
                            .put("access_token", token.accessToken())
                            .put("base_url", token.baseUrl().toString())
                            .put(
                                    "oauth_token",
                                    token.oauth().map(StoredToken::encode).orElse(null))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the token as JSON", e);
        }
    }

    /** Deletes the stored token; returns whether there was one. */
    boolean delete() {
        return PrivateFile.delete(path);
    }

    /**
     * This file as the OAuth client's {@link TokenStore}, for one CLI user: a refreshed token is written back (with
     * its new refresh token), a rejected one removed. File work runs on the bounded-elastic scheduler, never on an
     * event loop.
     */
    TokenStore asStore(URI baseUrl) {
        return new TokenStore() {
            @Override
            public Mono<OAuthToken> load(String userKey) {
                return Mono.fromCallable(() -> read().flatMap(Stored::oauth).orElse(null))
                        .subscribeOn(Schedulers.boundedElastic());
            }

            @Override
            public Mono<Void> save(String userKey, OAuthToken token) {
                return Mono.<Void>fromRunnable(() -> write(Stored.of(token, baseUrl)))
                        .subscribeOn(Schedulers.boundedElastic());
            }

            @Override
            public Mono<Void> remove(String userKey) {
                return Mono.<Void>fromRunnable(TokenFile.this::delete).subscribeOn(Schedulers.boundedElastic());
            }

            @Override
            public Mono<Boolean> replace(
                    String userKey, @Nullable OAuthToken expected, @Nullable OAuthToken replacement) {
                return Mono.fromCallable(() -> {
                            synchronized (TokenFile.this) {
                                OAuthToken current =
                                        read().flatMap(Stored::oauth).orElse(null);
                                if (!java.util.Objects.equals(current, expected)) {
                                    return false;
                                }
                                if (replacement == null) {
                                    delete();
                                } else {
                                    write(Stored.of(replacement, baseUrl));
                                }
                                return true;
                            }
                        })
                        .subscribeOn(Schedulers.boundedElastic());
            }
        };
    }
}
