package dev.broadsheet.consistency;

import dev.broadsheet.template.SamTemplate;
import dev.broadsheet.template.SamTemplate.FunctionDefinition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mail goes out from the {@code NotificationSender} identity only, and only the notification
 * function may send it: its one SES statement allows {@code ses:SendEmail} and nothing else, under
 * the condition {@code ses:FromAddress} = the parameter; no other function names an SES action.
 */
class MailPolicyTest {

    private final SamTemplate template = SamTemplate.ofProject();

    @Test
    void onlyTheNotificationFunctionSendsAndOnlyFromTheSender() {
        List<String> senders = new ArrayList<>();
        for (FunctionDefinition function : template.functions()) {
            for (Map<String, Object> statement : statements(function)) {
                List<String> actions = values(statement.get("Action"));
                if (actions.stream().noneMatch(action -> action.startsWith("ses:"))) {
                    continue;
                }
                senders.add(function.logicalId());
                assertEquals(List.of("ses:SendEmail"), actions, function.logicalId());
                Map<String, Object> condition = SamTemplate.map(SamTemplate.map(statement.get("Condition")).get("StringEquals"));
                assertEquals(Map.of("Ref", "NotificationSender"), condition.get("ses:FromAddress"), function.logicalId());
                assertTrue(String.valueOf(statement.get("Resource")).contains(":identity/"), function.logicalId());
            }
        }
        assertEquals(List.of("NotificationFunction"), senders);
    }

    private static List<Map<String, Object>> statements(FunctionDefinition function) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : SamTemplate.list(function.properties().get("Policies"))) {
            SamTemplate.list(SamTemplate.map(policy).get("Statement")).forEach(raw -> statements.add(SamTemplate.map(raw)));
        }
        return statements;
    }

    private static List<String> values(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> values.add(String.valueOf(item)));
        } else if (value != null) {
            values.add(String.valueOf(value));
        }
        return values;
    }
}
