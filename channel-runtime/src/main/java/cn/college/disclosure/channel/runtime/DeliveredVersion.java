package cn.college.disclosure.channel.runtime;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A version of an item that a channel delivered, as its ledger remembers it.
 *
 * @param version the item's version
 * @param externalUrl where it could be seen
 * @param externalRef the outside system's id for it
 */
public record DeliveredVersion(
        int version, @Nullable URI externalUrl, @Nullable String externalRef) {}
