/**
 * The working-day calendar: Chinese public holidays and 调休 make-up working days per year, shipped
 * as a versioned data file and extended by an admin's upload of the next year.
 */
@NullMarked
package cn.college.disclosure.core.calendar;

import org.jspecify.annotations.NullMarked;
