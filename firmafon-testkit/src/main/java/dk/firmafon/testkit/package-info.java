/**
 * A fake Firmafon v2 API on WireMock, for tests: {@link dk.firmafon.testkit.FakeFirmafon} (start, stop, seeded data,
 * tokens, OAuth client), {@link dk.firmafon.testkit.FakeFirmafonExtension} for JUnit 5,
 * {@link dk.firmafon.testkit.Faults} to make it misbehave and {@link dk.firmafon.testkit.Journal} to read what it received.
 *
 * <p>This module depends on no other SDK module: it speaks the API's JSON, so the SDK can be tested against it.
 */
@NullMarked
package dk.firmafon.testkit;

import org.jspecify.annotations.NullMarked;
