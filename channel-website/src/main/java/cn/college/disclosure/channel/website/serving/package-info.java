/**
 * Serving the web root over HTTP: the generated files as static resources, {@code index.html} at
 * {@code /}, and 410 Gone for a retracted item's page.
 */
@NullMarked
package cn.college.disclosure.channel.website.serving;

import org.jspecify.annotations.NullMarked;
