/** Immutable models of employees, employee groups, receptions and SMS results, as the API sends them. */
@NullMarked
package dk.firmafon.employees.model;

import org.jspecify.annotations.NullMarked;
