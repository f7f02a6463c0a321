package cn.college.disclosure.channel.campusplatform.webhook;

import org.jspecify.annotations.Nullable;

/**
 * The platform's answer below 500 (5xx is {@code ProviderUnavailable}).
 *
 * @param status the HTTP status
 * @param body the body as text
 * @param retryAfter the {@code Retry-After} header, if any
 */
record PlatformAnswer(int status, String body, @Nullable String retryAfter) {}
