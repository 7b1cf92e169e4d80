package dev.broadsheet.comments.notify;

import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.JsonWritable;
import dev.broadsheet.core.ScheduledHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The notification function, run by its {@code Schedule} event (every minute): one {@link Deliverer} run. */
public class DeliverNotificationsHandler extends ScheduledHandler {

    private final Deliverer deliverer;

    public DeliverNotificationsHandler() {
        this(Environment.fromSystem());
    }

    public DeliverNotificationsHandler(Environment env) {
        this(deliverer(env));
    }

    public DeliverNotificationsHandler(Deliverer deliverer) {
        this.deliverer = deliverer;
    }

    private static Deliverer deliverer(Environment env) {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamoDb = NotificationSettings.dynamoDb(env);
        // The deliverer reads articles and comments; it claims nothing in the guards table.
        DynamoComments.Tables tables = new DynamoComments.Tables(env.require("ARTICLES_TABLE"), env.require("COMMENTS_TABLE"), null);
        Deliverer.Settings settings = NotificationSettings.deliverer(env);
        return new Deliverer(dynamoDb, tables, NotificationSettings.records(dynamoDb, env), NotificationSettings.links(env, clock),
                new SesMailer(NotificationSettings.ses(env)), NotificationSettings.siteName(env), settings, clock);
    }

    @Override
    protected JsonWritable run() {
        return deliverer.run();
    }

    @Override
    protected void restored() {
        deliverer.restored();
    }
}
