/**
 * The request pipeline behind {@link dk.firmafon.core.FirmafonClient}: {@link dk.firmafon.core.internal.Exchange}
 * steps assembled by {@link dk.firmafon.core.internal.Pipeline} (retry → auth → logging → metrics → Reactor Netty),
 * the response readers (envelopes decoded by a streaming parser straight from the response bytes), error mapping and
 * redaction-aware messages. Not exported.
 */
@NullMarked
package dk.firmafon.core.internal;

import org.jspecify.annotations.NullMarked;
