/**
 * Character avatars: the one image rule (type by content, size, pixel cap, safe decoding) and the upload use
 * case that the web API, the console and Discord share.
 */
package io.tzurot.core.avatar;
