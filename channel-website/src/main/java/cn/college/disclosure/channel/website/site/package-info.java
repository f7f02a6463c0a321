/**
 * Generating the static website: one page per item, the index, the Atom feed and the sitemap,
 * written atomically into the web root, and the {@code ChannelAdapter} that does it on delivery.
 */
@NullMarked
package cn.college.disclosure.channel.website.site;

import org.jspecify.annotations.NullMarked;
