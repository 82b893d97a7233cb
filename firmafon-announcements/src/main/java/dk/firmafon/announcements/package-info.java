/**
 * Firmafon's system news, shown to a user until dismissed:
 *
 * <pre>{@code
 * AnnouncementsClient announcements = AnnouncementsClient.create(firmafonClient);
 * announcements.list().flatMap(a -> announcements.markAsRead(a.id())).subscribe();
 * }</pre>
 */
@NullMarked
package dk.firmafon.announcements;

import org.jspecify.annotations.NullMarked;
