/**
 * A fake smart-campus service platform that takes notices as Standard Webhooks: verifies the
 * signature and the timestamp window (401 otherwise), deduplicates on {@code webhook-id}, keeps the
 * notices; scriptable failures and inspection under {@code /sandbox/campus}.
 */
@NullMarked
package cn.college.disclosure.fakes.campusplatform;

import org.jspecify.annotations.NullMarked;
