/**
 * Media: reading the files a publication refers to from publisher-core, by id, with the channel's
 * service credential, checked against their SHA-256.
 */
@NullMarked
package cn.college.disclosure.channel.runtime.media;

import org.jspecify.annotations.NullMarked;
