/**
 * Immutable models of calls and call nodes as the API sends them, and the open value classes of their enumerated
 * strings. Every model is read leniently: unknown fields are ignored, unknown enumerated values are kept.
 */
@NullMarked
package dk.firmafon.calls.model;

import org.jspecify.annotations.NullMarked;
