/** Implementation details of firmafon-auth; exported only to firmafon-core. */
@NullMarked
package dk.firmafon.auth.internal;

import org.jspecify.annotations.NullMarked;
