/**
 * The domain of Tzurot: personalities, personas, presets, memories, conversations and the use cases
 * that act on them, with ports (interfaces) for everything that touches the outside world.
 * Depends on no other module and no I/O library.
 */
package io.tzurot.core;
