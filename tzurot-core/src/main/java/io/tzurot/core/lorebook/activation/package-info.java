/**
 * World-info activation: which lorebook entries fire for one reply, following SillyTavern's algorithm (keys,
 * secondary-key logic, regex keys, scan depth, recursion, timed effects, inclusion groups, probability, budget).
 * Pure Java; the per-channel timed-effect state sits behind {@link io.tzurot.core.lorebook.activation.LoreTimingStore}.
 */
package io.tzurot.core.lorebook.activation;
