/**
 * The domain errors every use case reports (not found, forbidden, invalid field, conflict, unavailable)
 * and the exception that carries them to a face.
 */
package io.tzurot.core.failure;
