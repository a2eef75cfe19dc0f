/**
 * Character files, shapes.inc imports and a user's whole data in Discord: {@code /character import | export |
 * template | import-shapes} and {@code /settings data export | delete}, over the same core use cases as the API
 * and the CLI.
 */
package io.tzurot.discord.portability;
