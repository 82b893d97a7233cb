/** {@link dk.firmafon.tokenstore.sql.R2dbcTokenStore}: users' OAuth tokens in a SQL table, compare-and-set by UPDATE. */
@NullMarked
package dk.firmafon.tokenstore.sql;

import org.jspecify.annotations.NullMarked;
