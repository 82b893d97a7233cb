/** Input models of the contacts client; the {@link dk.firmafon.core.model.Contact} itself is shared in core. */
@NullMarked
package dk.firmafon.contacts.model;

import org.jspecify.annotations.NullMarked;
