/**
 * The web console: server-rendered pages (Thymeleaf, htmx, ECharts) for liaisons, operators, report
 * authors and administrators, signed in through a form, in Chinese with an English switch. It holds
 * no state of its own: every page reads and acts through the other modules' public APIs.
 */
@NullMarked
package cn.college.disclosure.core.console;

import org.jspecify.annotations.NullMarked;
