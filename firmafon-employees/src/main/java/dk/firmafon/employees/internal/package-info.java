/** Argument checks and the SMS request shared by the employee and employee-group clients; not API. */
@NullMarked
package dk.firmafon.employees.internal;

import org.jspecify.annotations.NullMarked;
