/**
 * Regenerate and swipes (issue 17): asking the model again for a character's latest reply, moving between the
 * versions, and deleting a reply. The chosen version is the one history and long-term memory keep.
 */
package io.tzurot.core.swipe;
