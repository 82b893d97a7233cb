/**
 * The SDK transport every resource module stands on: {@link dk.firmafon.core.FirmafonClient} (one configured,
 * immutable client owning a Reactor Netty pool), {@link dk.firmafon.core.ApiRequest}, {@link dk.firmafon.net.RetryPolicy},
 * {@link dk.firmafon.core.ExchangeListener}, and the cursor pager ({@link dk.firmafon.core.CursorPaging},
 * {@link dk.firmafon.core.Page}, {@link dk.firmafon.core.PageCursor}).
 *
 * <p>Each request passes one fixed pipeline, outermost first: retry → auth (on every attempt; 401 → invalidate →
 * replay once) → logging (DEBUG, redacted) → metrics → the Reactor Netty exchange. No Netty or Reactor Netty type
 * appears here; the one opt-in escape hatch is {@link dk.firmafon.core.netty.NettyHttpClient}.
 */
@NullMarked
package dk.firmafon.core;

import org.jspecify.annotations.NullMarked;
