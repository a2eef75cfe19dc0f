/** The bot owner's admin routes ({@code /api/v1/admin/usage|health|metrics|cleanup}) and console section. */
package io.tzurot.web.admin;
