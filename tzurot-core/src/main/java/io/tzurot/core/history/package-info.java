/** The caller's short-term history with one character: clear and undo the context epoch, count, purge. */
package io.tzurot.core.history;
