/**
 * Entry points for employees, employee groups and receptions. Create them from one shared client:
 *
 * <pre>{@code
 * EmployeesClient employees = EmployeesClient.create(firmafonClient);
 * employees.me().subscribe(me -> System.out.println(me.name().orElse("(no name)")));
 * }</pre>
 */
@NullMarked
package dk.firmafon.employees;

import org.jspecify.annotations.NullMarked;
