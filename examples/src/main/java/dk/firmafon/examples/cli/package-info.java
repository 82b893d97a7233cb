/**
 * The {@code firmafon} command-line tool: every SDK resource from a shell, against the real service or, with no
 * configuration, against an embedded fake Firmafon. Entry point: {@link dk.firmafon.examples.cli.FirmafonCli}.
 */
@NullMarked
package dk.firmafon.examples.cli;

import org.jspecify.annotations.NullMarked;
