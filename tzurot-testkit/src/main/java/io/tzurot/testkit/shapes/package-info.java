/** A fake shapes.inc site for import tests: shapes, memories, stories and avatars behind a session cookie. */
package io.tzurot.testkit.shapes;
