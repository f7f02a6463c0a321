/** The runtime's HTTP endpoints in a channel service that serves HTTP: the parking state. */
@NullMarked
package cn.college.disclosure.channel.runtime.web;

import org.jspecify.annotations.NullMarked;
