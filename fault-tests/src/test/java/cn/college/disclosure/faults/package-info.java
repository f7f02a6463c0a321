/**
 * The pipeline under faults, every part its own process: a TCP fault proxy in front of the
 * providers, and scenarios that kill, cut and replay while approvals run, counted from the fakes'
 * own records.
 */
@NullMarked
package cn.college.disclosure.faults;

import org.jspecify.annotations.NullMarked;
