/**
 * Lorebooks (SillyTavern world info): books of entries a user owns and attaches to characters. Every entry
 * field SillyTavern and the card specs define is kept, whether or not the prompt engine uses it yet.
 */
package io.tzurot.core.lorebook;
