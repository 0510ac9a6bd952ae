/**
 * Randomness: the one place streams are made ({@code StreamBank}, addressed by a {@code StreamKey}), distribution
 * specs turned into SSJ samplers ({@code Distributions}, {@code Sampler}, {@code Categorical}), and the remainders
 * of durations already under way ({@code Residual}). Uses scenario (the specs) only.
 */
package org.pacesim.random;
