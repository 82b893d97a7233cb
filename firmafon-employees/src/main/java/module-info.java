/**
 * Employees, employee groups, receptions, and SMS messages to employees and groups: {@link
 * dk.firmafon.employees.EmployeesClient}, {@link dk.firmafon.employees.EmployeeGroupsClient} and {@link
 * dk.firmafon.employees.ReceptionsClient}, each over one shared {@link dk.firmafon.core.FirmafonClient}.
 */
module dk.firmafon.employees {
    requires transitive dk.firmafon.core;
    requires transitive org.immutables.value.annotations;

    exports dk.firmafon.employees;
    exports dk.firmafon.employees.model;

    opens dk.firmafon.employees.model to
            com.fasterxml.jackson.databind;
}
