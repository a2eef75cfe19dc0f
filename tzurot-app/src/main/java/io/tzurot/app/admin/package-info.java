/** The app's side of administration: wiring the admin use cases, the heartbeat writer, the metrics summary. */
package io.tzurot.app.admin;
