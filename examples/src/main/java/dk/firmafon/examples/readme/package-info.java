/**
 * The README's code samples, one class per section, compiled with the project so they cannot rot. The README copies
 * the part of each method between the {@code // [readme]} markers.
 */
@NullMarked
package dk.firmafon.examples.readme;

import org.jspecify.annotations.NullMarked;
