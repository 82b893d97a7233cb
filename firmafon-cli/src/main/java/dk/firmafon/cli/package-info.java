/**
 * The {@code firmafon} command-line tool: every SDK resource from a shell, against the real service or, with no
 * configuration, against an embedded fake Firmafon. Entry point: {@link dk.firmafon.cli.FirmafonCli}.
 */
@NullMarked
package dk.firmafon.cli;

import org.jspecify.annotations.NullMarked;
