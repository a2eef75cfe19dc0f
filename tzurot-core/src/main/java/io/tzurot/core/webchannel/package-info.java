/**
 * Web conversations: each belongs to the user who created it and has an unguessable id. Entry point:
 * {@link io.tzurot.core.webchannel.WebConversations}, the one rule every web route asks which channel a
 * caller may use.
 */
package io.tzurot.core.webchannel;
