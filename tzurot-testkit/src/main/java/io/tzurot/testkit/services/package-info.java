/** Private Redis and PostgreSQL servers that a fault suite starts, stops and restarts on its own ports. */
package io.tzurot.testkit.services;
