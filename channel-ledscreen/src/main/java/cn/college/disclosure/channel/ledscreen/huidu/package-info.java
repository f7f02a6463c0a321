/**
 * The Huidu push adapter: for groups whose controller takes pushed programs instead of polling,
 * every new feed version is pushed as the controller's whole program over Huidu's signed HTTP JSON
 * API, and a successful push counts as the controller's acknowledgement of that version.
 */
@NullMarked
package cn.college.disclosure.channel.ledscreen.huidu;

import org.jspecify.annotations.NullMarked;
