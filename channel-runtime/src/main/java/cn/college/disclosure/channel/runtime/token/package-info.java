/**
 * Access tokens shared by every instance of a channel service: one token per account, held in the
 * channel's PostgreSQL schema and fetched by whichever instance holds the row lock ({@link
 * cn.college.disclosure.channel.runtime.token.SharedAccessTokens}).
 */
@NullMarked
package cn.college.disclosure.channel.runtime.token;

import org.jspecify.annotations.NullMarked;
