/**
 * Where each version of an item stands on each channel, as the channels report it, and the
 * channels' overview.
 */
@NullMarked
package cn.college.disclosure.core.delivery;

import org.jspecify.annotations.NullMarked;
