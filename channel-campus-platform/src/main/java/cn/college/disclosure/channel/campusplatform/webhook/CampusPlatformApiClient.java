package cn.college.disclosure.channel.campusplatform.webhook;

import cn.college.disclosure.channel.campusplatform.CampusPlatformProperties;
import cn.college.disclosure.channel.runtime.resilience.ProviderUnavailable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs signed messages to the platform's webhook endpoint. Each call is signed afresh (a new
 * {@code webhook-timestamp}, so a retry is not refused as stale) with the caller's stable {@code
 * webhook-id}.
 */
class CampusPlatformApiClient {

    /** The Resilience4j circuit breaker and rate limiter of the platform's webhook endpoint. */
    static final String NAME = "campus-platform";

    private static final Logger log = LoggerFactory.getLogger(CampusPlatformApiClient.class);

    private final URI url;
    private final WebhookSignature signature;
    private final Duration readTimeout;
    private final HttpClient http;
    private final Clock clock;

    CampusPlatformApiClient(CampusPlatformProperties.Webhook webhook, Clock clock) {
        this.url = webhook.url();
        this.signature = new WebhookSignature(webhook.secret());
        this.readTimeout = webhook.readTimeout();
        this.clock = clock;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(webhook.connectTimeout())
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
    }

    /**
     * Sends one message.
     *
     * @return the answer, if its status is below 500
     * @throws ProviderUnavailable on a 5xx, a refused or dropped connection or a timeout
     */
    PlatformAnswer post(String webhookId, byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request =
                HttpRequest.newBuilder(url)
                        .timeout(readTimeout)
                        .header("Content-Type", "application/json")
                        .header("webhook-id", webhookId)
                        .header("webhook-timestamp", Long.toString(timestamp))
                        .header("webhook-signature", signature.sign(webhookId, timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
        HttpResponse<String> response;
        // the request timeout ends at the response headers; the body must come within it too
        CompletableFuture<HttpResponse<String>> exchange =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            response = exchange.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new ProviderUnavailable(
                    "POST %s (webhook-id %s): no complete answer within %s"
                            .formatted(url, webhookId, readTimeout),
                    e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ProviderUnavailable(
                    "POST %s (webhook-id %s): %s".formatted(url, webhookId, cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted while posting " + webhookId, e);
        }
        log.debug("POST {} (webhook-id {}): HTTP {}", url, webhookId, response.statusCode());
        if (response.statusCode() >= 500) {
            throw new ProviderUnavailable(
                    "POST %s (webhook-id %s): HTTP %d %s"
                            .formatted(
                                    url,
                                    webhookId,
                                    response.statusCode(),
                                    excerpt(response.body(), 200)));
        }
        return new PlatformAnswer(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    static String excerpt(String body, int length) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= length ? flat : flat.substring(0, length) + "…";
    }
}
