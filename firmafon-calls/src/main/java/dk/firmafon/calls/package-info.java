/**
 * Calls: the call history ({@code GET /calls}), live call control ({@code /call_nodes}) and click-to-call
 * ({@code POST /switch/dial}). Start at {@link dk.firmafon.calls.CallsClient}.
 */
@NullMarked
package dk.firmafon.calls;

import org.jspecify.annotations.NullMarked;
