/**
 * The fake's machinery: the WireMock transformer, the router, one handler per resource, the in-memory state and its seed.
 * Not API: may change in any release.
 */
@NullMarked
package dk.firmafon.testkit.internal;

import org.jspecify.annotations.NullMarked;
