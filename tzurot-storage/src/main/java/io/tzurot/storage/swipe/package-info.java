/** The versions of regenerated replies (table {@code reply_swipes}, migration V170). */
package io.tzurot.storage.swipe;
