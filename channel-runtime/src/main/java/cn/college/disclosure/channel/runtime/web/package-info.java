/**
 * The runtime's HTTP endpoints in a channel service that serves HTTP: the parking state, and
 * problem details in Chinese for every refusal.
 */
@NullMarked
package cn.college.disclosure.channel.runtime.web;

import org.jspecify.annotations.NullMarked;
