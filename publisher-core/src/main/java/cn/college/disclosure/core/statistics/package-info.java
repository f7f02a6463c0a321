/**
 * Publication statistics and the annual disclosure report: counts from the delivery ledger (an item
 * counts once per channel, in the statistics year of its first delivery there), a per-day fact
 * table that keeps them fast, manual counts of the channels outside the pipeline, and the JSON,
 * CSV, workbook and report-text outputs.
 */
@NullMarked
package cn.college.disclosure.core.statistics;

import org.jspecify.annotations.NullMarked;
