/**
 * Operations: how each channel is doing (its health reports, consumer lag, parked or open-circuit
 * state), the deliveries that need a person, and the safe repairs an operator may make. The console
 * reads and acts only through {@link ChannelBoard} and {@link DeliveryRepairs}.
 */
@NullMarked
package cn.college.disclosure.core.operations;

import org.jspecify.annotations.NullMarked;
