/**
 * The channel's scheduled jobs on Spring's one {@code TaskScheduler}, those that only one instance
 * may run behind a ShedLock lock (JDBC, the {@code shedlock} table in the channel's schema).
 */
@NullMarked
package cn.college.disclosure.channel.runtime.scheduling;

import org.jspecify.annotations.NullMarked;
