/** A fake PluralKit API for tests of proxied messages. */
package io.tzurot.testkit.pluralkit;
