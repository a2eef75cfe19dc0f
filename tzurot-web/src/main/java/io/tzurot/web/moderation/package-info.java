/** The denylist on the web: {@code /api/v1/admin/denylist} and Console → Denylist, over core's ManagingDenials. */
package io.tzurot.web.moderation;
