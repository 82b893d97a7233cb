/** The contacts client. */
@NullMarked
package dk.firmafon.contacts;

import org.jspecify.annotations.NullMarked;
