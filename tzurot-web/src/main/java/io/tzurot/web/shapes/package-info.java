/** The shapes.inc adapter: its HTTP API (with the user's session cookie) and its saved export files. */
package io.tzurot.web.shapes;
