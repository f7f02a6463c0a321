/**
 * Fake polling LED screens: each polls its group's JSON feed (with {@code If-None-Match}), "shows"
 * the pages, acknowledges every new feed version with its key, and blanks when it could not refresh
 * within the feed's TTL.
 */
@NullMarked
package cn.college.disclosure.fakes.ledscreen;

import org.jspecify.annotations.NullMarked;
