/** The loopback server, the four contenders, the load driver and the report. */
@NullMarked
package dk.firmafon.benchmarks.internal;

import org.jspecify.annotations.NullMarked;
