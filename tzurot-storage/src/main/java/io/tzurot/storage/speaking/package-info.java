/** Where characters may speak, on JDBI. */
package io.tzurot.storage.speaking;
