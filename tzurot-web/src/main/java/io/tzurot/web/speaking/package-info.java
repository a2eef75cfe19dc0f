/** The HTTP face of where characters may speak: {@code /api/v1/admin/speaking}. */
package io.tzurot.web.speaking;
