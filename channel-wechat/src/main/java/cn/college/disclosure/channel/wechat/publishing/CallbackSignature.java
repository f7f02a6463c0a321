package cn.college.disclosure.channel.wechat.publishing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * WeChat's signature of a push to the callback URL: the SHA-1, in hex, of the callback token, the
 * timestamp and the nonce, sorted and joined. Compared in constant time.
 */
final class CallbackSignature {

    private CallbackSignature() {}

    static String of(String token, String timestamp, String nonce) {
        String[] parts = {token, timestamp, nonce};
        Arrays.sort(parts);
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-1")
                            .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    static boolean valid(
            String token,
            @Nullable String signature,
            @Nullable String timestamp,
            @Nullable String nonce) {
        if (signature == null || timestamp == null || nonce == null) {
            return false;
        }
        return MessageDigest.isEqual(
                of(token, timestamp, nonce).getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
