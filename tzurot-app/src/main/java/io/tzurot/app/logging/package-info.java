/** Log output: text or JSON lines ({@code TZUROT_LOG_FORMAT}), with the request id and role of each line. */
package io.tzurot.app.logging;
