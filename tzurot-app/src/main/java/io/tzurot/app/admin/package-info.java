/** The app's side of administration: the heartbeat writer and the metrics summary. */
package io.tzurot.app.admin;
