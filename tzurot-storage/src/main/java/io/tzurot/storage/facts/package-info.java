/** Storage of memory facts. */
package io.tzurot.storage.facts;
