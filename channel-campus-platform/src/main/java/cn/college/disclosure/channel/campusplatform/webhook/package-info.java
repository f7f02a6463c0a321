/**
 * The built-in adapter: notices as Standard Webhooks ({@code webhook-id}, {@code
 * webhook-timestamp}, {@code webhook-signature}) POSTed to the platform, which deduplicates on the
 * {@code webhook-id}.
 */
@NullMarked
package cn.college.disclosure.channel.campusplatform.webhook;

import org.jspecify.annotations.NullMarked;
