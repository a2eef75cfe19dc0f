/**
 * Character cards on disk and in the database: the SillyTavern card codec (PNG chunks, CHARX zips, card and
 * world-info JSON, the reference's character JSON) and the card extras kept with an imported character.
 */
package io.tzurot.storage.card;
