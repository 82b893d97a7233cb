/** Runnable examples and the {@code firmafon} command-line tool. */
package dk.firmafon.examples;
