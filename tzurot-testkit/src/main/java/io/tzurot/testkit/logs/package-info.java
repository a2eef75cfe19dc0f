/** The log scan of the end-to-end suites: no API key, bearer token or encryption key in any log line. */
package io.tzurot.testkit.logs;
