/** Importing a character and its memories from shapes.inc, live with a session cookie or from a saved export. */
package io.tzurot.core.shapes;
