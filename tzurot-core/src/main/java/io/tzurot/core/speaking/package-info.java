/** Where characters may speak in a server (all channels, an allowlist or a denylist) and ghost channels. */
package io.tzurot.core.speaking;
