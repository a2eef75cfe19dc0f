/**
 * The management use cases (characters, personas, presets, provider keys, settings, channel activation)
 * bundled for the faces; wiring happens in tzurot-app.
 */
package io.tzurot.core.manage;
