/**
 * The website channel: publishes approved items as a static site in a web root and serves it.
 * {@code site} generates the files, {@code serving} answers HTTP.
 */
@NullMarked
package cn.college.disclosure.channel.website;

import org.jspecify.annotations.NullMarked;
