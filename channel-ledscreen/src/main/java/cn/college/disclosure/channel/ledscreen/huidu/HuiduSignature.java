package cn.college.disclosure.channel.ledscreen.huidu;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Huidu's request signature: {@code sign = HMAC-MD5(body + sdkKey + date)} keyed by the secret,
 * over the UTF-8 bytes, as lowercase hex. {@code date} is the exact value of the {@code date}
 * header, so the controller can recompute it from what it received.
 */
final class HuiduSignature {

    private HuiduSignature() {}

    static String sign(String body, String sdkKey, String date, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            return HexFormat.of()
                    .formatHex(
                            mac.doFinal((body + sdkKey + date).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // HmacMD5 is one of the algorithms every Java platform must provide
            throw new IllegalStateException("HmacMD5 is not available: " + e, e);
        }
    }
}
