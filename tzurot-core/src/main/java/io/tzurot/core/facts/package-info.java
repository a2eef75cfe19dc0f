/**
 * Memory facts: short, durable statements about a user ("has a cat called Quillibrand") that a cheap model
 * extracts from each exchange in the background, kept per persona and character, shown to the character in
 * their own prompt section, and listed, corrected, locked and forgotten by the user.
 */
package io.tzurot.core.facts;
