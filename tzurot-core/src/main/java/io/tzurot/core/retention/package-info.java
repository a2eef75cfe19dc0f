/** Retention: named sweeps that delete what has outlived its keep, once per fleet. */
package io.tzurot.core.retention;
