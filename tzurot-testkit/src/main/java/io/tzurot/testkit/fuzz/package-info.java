/** Seeded hostile-input generators for the bounded fuzz tests of every parser at a boundary. */
package io.tzurot.testkit.fuzz;
