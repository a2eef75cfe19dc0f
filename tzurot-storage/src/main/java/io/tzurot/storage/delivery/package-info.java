/** What the Discord adapter must remember durably about what it delivered. */
package io.tzurot.storage.delivery;
