/** Rules for text people type: normalisation, refused characters, lengths in code points. */
package io.tzurot.core.text;
