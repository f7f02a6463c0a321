/**
 * Serving the web root over HTTP: the generated files as static resources, {@code index.html} at
 * {@code /}, 410 Gone for a retracted item's page, and the live pages' files under {@code /files/}
 * with their type and {@code Content-Disposition}.
 */
@NullMarked
package cn.college.disclosure.channel.website.serving;

import org.jspecify.annotations.NullMarked;
