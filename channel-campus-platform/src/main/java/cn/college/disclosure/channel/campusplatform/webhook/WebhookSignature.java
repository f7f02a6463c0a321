package cn.college.disclosure.channel.campusplatform.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: {@code v1,} + base64 of HMAC-SHA256 over {@code
 * id.timestamp.body}, keyed with the base64-decoded part of a {@code whsec_} secret. Holds the key,
 * never prints it.
 */
final class WebhookSignature {

    static final String SECRET_PREFIX = "whsec_";

    private final byte[] key;

    WebhookSignature(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(6) : secret;
        try {
            this.key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            // the message would contain the secret
            throw new IllegalArgumentException(
                    "channel.campus-platform.webhook.secret is not whsec_ + base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("channel.campus-platform.webhook.secret is empty");
        }
    }

    /** The {@code webhook-signature} header value for one message. */
    String sign(String webhookId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[whsec_…]";
    }
}
