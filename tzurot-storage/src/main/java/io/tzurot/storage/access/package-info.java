/** Storage of bearer tokens, console sessions and login links (migration V4). */
package io.tzurot.storage.access;
