/** Safe downloads of user attachments: allowed hosts, size cap, timeout, checked redirects. */
package io.tzurot.ai.attachment;
