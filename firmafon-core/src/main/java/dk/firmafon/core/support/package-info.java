/**
 * What every resource module of the SDK shares and applications do not: argument checks with the one wording of
 * each rule ({@link dk.firmafon.core.support.Arguments}), the list/page pair over an ascending id cursor
 * ({@link dk.firmafon.core.support.IdCursorListing}) and streaming a download to a file
 * ({@link dk.firmafon.core.support.FileSink}). Exported only to the SDK's resource modules.
 */
@NullMarked
package dk.firmafon.core.support;

import org.jspecify.annotations.NullMarked;
