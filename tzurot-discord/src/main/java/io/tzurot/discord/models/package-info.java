/**
 * {@code /models}: the provider's catalogue, filterable by free, vision and context size.
 */
package io.tzurot.discord.models;
