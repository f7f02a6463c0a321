/**
 * The contract between publisher-core and the channel services: the events on the wire, the topics
 * they travel on, and the channels' hard limits as data. Records, enums and constants only: no
 * Spring, no Jackson, so that every side reads the same definitions.
 */
@NullMarked
package cn.college.disclosure.contract;

import org.jspecify.annotations.NullMarked;
