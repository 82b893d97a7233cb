/** Immutable model of an announcement, as the API sends it. */
@NullMarked
package dk.firmafon.announcements.model;

import org.jspecify.annotations.NullMarked;
