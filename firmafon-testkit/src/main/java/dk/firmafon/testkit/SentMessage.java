package dk.firmafon.testkit;

import java.util.List;

/**
 * An SMS the fake accepted through {@code POST /employees/:id/message} or {@code POST /employee_groups/:id/message}.
 *
 * @param target the endpoint it was sent to, e.g. {@code Employee#15} or {@code EmployeeGroup#3}
 * @param recipients the phone numbers it went to (every member of a group)
 * @param body the text
 */
public record SentMessage(String target, List<String> recipients, String body) {

    public SentMessage {
        recipients = List.copyOf(recipients);
    }
}
