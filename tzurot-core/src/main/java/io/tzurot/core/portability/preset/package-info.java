/** Preset files: the reference's preset JSON (export, template, import) and SillyTavern chat-completion presets. */
package io.tzurot.core.portability.preset;
