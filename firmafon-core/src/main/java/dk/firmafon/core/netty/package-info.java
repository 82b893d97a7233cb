/**
 * The one opt-in place where a Reactor Netty type may be handed to the SDK: {@link dk.firmafon.core.netty.NettyHttpClient}.
 */
@NullMarked
package dk.firmafon.core.netty;

import org.jspecify.annotations.NullMarked;
