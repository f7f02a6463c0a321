/**
 * The screens: their acknowledgements of feed versions (authenticated with a per-screen key), which
 * count a message as delivered, and the list an operator reads to spot a dead screen.
 */
@NullMarked
package cn.college.disclosure.channel.ledscreen.screens;

import org.jspecify.annotations.NullMarked;
