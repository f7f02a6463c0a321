package cn.college.disclosure.fakes.campusplatform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The receiver's side of Standard Webhooks, written independently of the channel's signer: the
 * headers must be present, the timestamp within the tolerance, and one of the space-separated
 * {@code v1,} signatures must equal HMAC-SHA256 over {@code id.timestamp.body}, compared in
 * constant time.
 */
final class WebhookVerifier {

    private final byte[] key;
    private final Duration tolerance;

    WebhookVerifier(String secret, Duration tolerance) {
        this.key =
                Base64.getDecoder()
                        .decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
        this.tolerance = tolerance;
    }

    /** Why the message is refused, or null if it is genuine. */
    @Nullable String problem(
            @Nullable String id,
            @Nullable String timestamp,
            @Nullable String signatures,
            byte[] body,
            Instant now) {
        if (id == null || timestamp == null || signatures == null) {
            return "missing webhook-id, webhook-timestamp or webhook-signature";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return "webhook-timestamp is not a number";
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return "webhook-timestamp outside the tolerance of " + tolerance;
        }
        byte[] expected = expected(id, seconds, body);
        for (String signature : signatures.strip().split(" +")) {
            int comma = signature.indexOf(',');
            if (comma < 0 || !signature.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(signature.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return null;
            }
        }
        return "no valid v1 signature";
    }

    private byte[] expected(String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
