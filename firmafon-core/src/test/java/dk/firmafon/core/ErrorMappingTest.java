package dk.firmafon.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.core.model.Contact;
import dk.firmafon.core.testing.WireMockTest;
import dk.firmafon.error.AuthenticationException;
import dk.firmafon.error.FirmafonApiException;
import dk.firmafon.error.FirmafonDecodingException;
import dk.firmafon.error.ForbiddenException;
import dk.firmafon.error.NotFoundException;
import dk.firmafon.error.RateLimitedException;
import dk.firmafon.error.ServerErrorException;
import dk.firmafon.error.UnprocessableEntityException;
import dk.firmafon.net.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ErrorMappingTest extends WireMockTest {

    private void stub(int status, String contentType, String body) {
        server.stubFor(get(urlPathEqualTo(path("/contacts/1")))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", contentType)
                        .withBody(body)));
    }

    private Throwable errorOf(FirmafonClient client) {
        Throwable[] error = new Throwable[1];
        StepVerifier.create(client.retrieve(ApiRequest.get("/contacts/1"), "contact", Contact.class))
                .consumeErrorWith(e -> error[0] = e)
                .verify(TIMEOUT);
        return error[0];
    }

    @Test
    void getContact404IsNotFoundExceptionWithTheServiceMessage() {
        stub(404, "application/json", "{\"status\": \"failure\", \"message\": \"Contact not found\"}");

        Throwable error = errorOf(client());

        assertThat(error)
                .isExactlyInstanceOf(NotFoundException.class)
                .hasMessage("GET " + baseUri() + "/contacts/1 -> 404 Not Found: Contact not found"
                        + " (nothing at contacts/1: it does not exist, or this user cannot see it)");
        NotFoundException notFound = (NotFoundException) error;
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.method()).isEqualTo("GET");
        assertThat(notFound.serviceStatus()).contains("failure");
        assertThat(notFound.serviceMessage()).contains("Contact not found");
        assertThat(notFound.bodyExcerpt()).isEmpty();
        assertThat(notFound.attempts()).isEqualTo(1);
        assertThat(notFound.headers()).containsKey("content-type");
    }

    @Test
    void status401IsAuthenticationExceptionAfterExactlyOneRequestWhenTheTokenCannotBeRenewed() {
        stub(401, "application/json", "{\"status\": \"failure\", \"message\": \"401 Unauthorized\"}");

        Throwable error = errorOf(client());

        assertThat(error)
                .isExactlyInstanceOf(AuthenticationException.class)
                .hasMessageEndingWith("-> 401 Unauthorized"); // the service's "401 Unauthorized" is not said twice
        server.verify(1, getRequestedFor(urlPathEqualTo(path("/contacts/1"))));
    }

    @Test
    void status403IsForbiddenException() {
        stub(403, "application/json", "{\"status\": \"failure\", \"message\": \"Admin rights needed\"}");

        // the request is for /contacts/1: the message also names the product contacts need
        assertThat(errorOf(client()))
                .isExactlyInstanceOf(ForbiddenException.class)
                .hasMessageContaining("403 Forbidden: Admin rights needed (this resource needs Relatel's Switch or "
                        + "Mobile product, should the company's subscription lack it)");
    }

    @Test
    void status422IsUnprocessableEntityException() {
        stub(422, "application/json", "{\"status\": \"failure\", \"message\": \"Number is invalid\"}");

        assertThat(errorOf(client()))
                .isExactlyInstanceOf(UnprocessableEntityException.class)
                .hasMessageEndingWith("422 Unprocessable Entity: Number is invalid");
    }

    @Test
    void status429IsRateLimitedExceptionWithTheParsedRetryAfter() {
        server.stubFor(get(urlPathEqualTo(path("/contacts/1")))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        Throwable error = errorOf(client(b -> b.retryPolicy(RetryPolicy.none())));

        assertThat(error).isExactlyInstanceOf(RateLimitedException.class);
        assertThat(((RateLimitedException) error).retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void status500IsServerErrorException() {
        stub(500, "application/json", "{\"status\": \"failure\", \"message\": \"Internal error\"}");

        Throwable error = errorOf(client(b -> b.retryPolicy(RetryPolicy.none())));

        assertThat(error)
                .isExactlyInstanceOf(ServerErrorException.class)
                .hasMessageEndingWith("500 Server Error: Internal error");
    }

    @Test
    void anHtml502PageIsServerErrorExceptionWithAShortExcerpt() {
        String html = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>" + "x".repeat(5000)
                + "</body></html>";
        stub(502, "text/html", html);

        Throwable error = errorOf(client(b -> b.retryPolicy(RetryPolicy.none())));

        assertThat(error)
                .isExactlyInstanceOf(ServerErrorException.class)
                .hasMessageStartingWith("GET " + baseUri() + "/contacts/1 -> 502 Bad Gateway: <html><head><title>502");
        ServerErrorException serverError = (ServerErrorException) error;
        assertThat(serverError.bodyExcerpt())
                .hasValueSatisfying(
                        excerpt -> assertThat(excerpt).contains("Bad Gateway").hasSizeLessThanOrEqualTo(201));
        assertThat(serverError.serviceMessage()).isEmpty();
    }

    @Test
    void aServiceMessageThatOnlyRepeatsTheStatusIsNotRepeatedAndA404NamesWhatWasNotFound() {
        stub(404, "application/json", "{\"status\": \"failure\", \"message\": \"404 Not Found\"}");

        assertThat(errorOf(client()))
                .hasMessage("GET " + baseUri() + "/contacts/1 -> 404 Not Found"
                        + " (nothing at contacts/1: it does not exist, or this user cannot see it)");
    }

    @Test
    void aPostThatFailedWith503SaysItWasNotRetriedAndMayHaveTakenEffect() {
        server.stubFor(post(urlPathEqualTo(path("/employees/17/message")))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/plain")));
        StepVerifier.create(client().retrieveJson(ApiRequest.post("/employees/17/message")
                        .withBody(java.util.Map.of("message", java.util.Map.of("body", "hello")))))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isExactlyInstanceOf(ServerErrorException.class)
                        .hasMessage(
                                "POST " + baseUri() + "/employees/17/message -> 503 Service Unavailable (empty body)"
                                        + " (not retried: a POST may have taken effect on the server although it failed;"
                                        + " check before sending it again)"))
                .verify(TIMEOUT);
        server.verify(
                1,
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlPathEqualTo(path("/employees/17/message"))));
    }

    @Test
    void anEmptyErrorBodyStillNamesStatusMethodAndUri() {
        stub(503, "text/plain", "");

        Throwable error = errorOf(client(b -> b.retryPolicy(RetryPolicy.none())));

        assertThat(error)
                .isExactlyInstanceOf(ServerErrorException.class)
                .hasMessage("GET " + baseUri() + "/contacts/1 -> 503 Service Unavailable (empty body)");
    }

    @Test
    void anOAuthErrorBodyIsReadIntoErrorAndDescriptionOnTheGenericType() {
        server.stubFor(post(urlPathEqualTo(path("/token")))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"invalid_grant\", \"error_description\": \"The code has expired\"}")));

        StepVerifier.create(client().execute(ApiRequest.post("/token")))
                .consumeErrorWith(error -> {
                    assertThat(error)
                            .isExactlyInstanceOf(FirmafonApiException.class)
                            .hasMessageEndingWith("400 Bad Request: The code has expired");
                    FirmafonApiException api = (FirmafonApiException) error;
                    assertThat(api.error()).contains("invalid_grant");
                    assertThat(api.errorDescription()).contains("The code has expired");
                })
                .verify(TIMEOUT);
    }

    @Test
    void secretResponseHeadersAreMasked() {
        server.stubFor(get(urlPathEqualTo(path("/contacts/1")))
                .willReturn(aResponse().withStatus(404).withHeader("Set-Cookie", "session=abc123")));

        FirmafonApiException error = (FirmafonApiException) errorOf(client());

        assertThat(error.headers().get("set-cookie")).containsExactly("[REDACTED]");
    }

    @Test
    void aMissingEnvelopeIsFirmafonDecodingException() {
        stub(200, "application/json", "{\"employee\": {\"id\": 1}}");

        assertThat(errorOf(client()))
                .isExactlyInstanceOf(FirmafonDecodingException.class)
                .hasMessage("GET " + baseUri() + "/contacts/1: expected {\"contact\": ...} but there is no "
                        + "\"contact\" field");
    }

    @Test
    void aBodyThatIsNotJsonIsFirmafonDecodingException() {
        stub(200, "text/html", "<html>maintenance</html>");

        assertThat(errorOf(client()))
                .isExactlyInstanceOf(FirmafonDecodingException.class)
                .hasMessageContaining("GET " + baseUri() + "/contacts/1");
    }

    @Test
    void aWrongFieldTypeIsFirmafonDecodingException() {
        stub(200, "application/json", "{\"contact\": {\"id\": \"not a number\"}}");

        assertThat(errorOf(client()))
                .isExactlyInstanceOf(FirmafonDecodingException.class)
                .hasMessageContaining("could not decode the response");
    }

    @Test
    void aResponseLargerThanMaxResponseSizeFailsClearly() {
        stub(200, "application/json", "{\"contact\": {\"name\": \"" + "x".repeat(2000) + "\"}}");

        assertThat(errorOf(client(b -> b.maxResponseSize(1000))))
                .isExactlyInstanceOf(FirmafonDecodingException.class)
                .hasMessageContaining("exceeds the maximum of 1000 bytes (maxResponseSize)");
    }

    @Test
    void aChunkedResponseLargerThanMaxResponseSizeFailsClearly() {
        server.stubFor(get(urlPathEqualTo(path("/contacts/1")))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"contact\": {\"name\": \"" + "x".repeat(5000) + "\"}}")
                        .withChunkedDribbleDelay(5, 20)));

        assertThat(errorOf(client(b -> b.maxResponseSize(1000))))
                .isExactlyInstanceOf(FirmafonDecodingException.class)
                .hasMessageContaining("exceeds the maximum of 1000 bytes (maxResponseSize)");
    }
}
