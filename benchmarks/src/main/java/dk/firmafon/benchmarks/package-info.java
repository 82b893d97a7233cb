/** The benchmark runner: the SDK measured side by side with raw Reactor Netty, Spring WebClient and the JDK client. */
@NullMarked
package dk.firmafon.benchmarks;

import org.jspecify.annotations.NullMarked;
