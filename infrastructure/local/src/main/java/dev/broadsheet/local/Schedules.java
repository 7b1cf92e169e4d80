package dev.broadsheet.local;

import dev.broadsheet.runtime.InvocationResult;
import dev.broadsheet.template.SamTemplate.Schedule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge's part for the template's {@code Schedule} events: each enabled rule fires at its
 * rate and its function is invoked through the local Lambda runtime — from its deployment jar, as
 * every route's is — with the event EventBridge sends ({@code "detail-type": "Scheduled Event"}).
 * The rate may be overridden for all rules at once (tests, demos: no waiting a minute). A run never
 * overlaps the previous one of its rule (the next waits for it); EventBridge would start it anyway,
 * and retry a failed one twice, which the functions must bear (the notification function's claims do).
 * Only {@code rate(...)} is understood; a {@code cron(...)} rule makes the local API refuse to start.
 */
final class Schedules implements AutoCloseable {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    private final ScheduledExecutorService timer;
    private final List<String> descriptions;
    private final Map<String, AtomicLong> runs;

    private Schedules(ScheduledExecutorService timer, List<String> descriptions, Map<String, AtomicLong> runs) {
        this.timer = timer;
        this.descriptions = descriptions;
        this.runs = runs;
    }

    /** The rate of {@code rate(N unit)}. */
    static Duration rate(String expression) {
        Matcher matcher = RATE.matcher(expression.trim());
        if (!matcher.matches()) {
            throw new IllegalStateException("The local API runs Schedule events with rate(N minutes|hours|days) only; got "
                    + expression);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(amount);
            case "hour", "hours" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** @param override every rule's period instead of its rate; null for the template's */
    static Schedules start(List<Schedule> schedules, Functions functions, Duration override, String region) {
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(Math.max(1, schedules.size()), runnable -> {
            Thread thread = new Thread(runnable, "eventbridge-schedule");
            thread.setDaemon(true);
            return thread;
        });
        List<String> descriptions = new ArrayList<>();
        Map<String, AtomicLong> runs = new ConcurrentHashMap<>();
        for (Schedule schedule : schedules) {
            if (!schedule.enabled()) {
                descriptions.add(schedule.functionId() + ": " + schedule.expression() + " (disabled in the template)");
                continue;
            }
            Duration period = override != null ? override : rate(schedule.expression());
            AtomicLong count = runs.computeIfAbsent(schedule.functionId(), id -> new AtomicLong());
            timer.scheduleWithFixedDelay(() -> fire(schedule, functions, region, count), period.toMillis(), period.toMillis(),
                    TimeUnit.MILLISECONDS);
            descriptions.add(schedule.functionId() + " every " + describe(period)
                    + (override != null ? " (--schedule-every; the template says " + schedule.expression() + ")" : " (" + schedule.expression() + ")"));
        }
        return new Schedules(timer, List.copyOf(descriptions), runs);
    }

    private static void fire(Schedule schedule, Functions functions, String region, AtomicLong count) {
        try {
            InvocationResult result = functions.invoke(schedule.functionId(), event(schedule, region, Instant.now()));
            if (result instanceof InvocationResult.Failure failure) {
                System.err.println("[" + schedule.functionId() + "] scheduled run failed (" + failure.kind() + "): "
                        + failure.errorType() + ": " + failure.errorMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("[" + schedule.functionId() + "] scheduled run could not start: " + e.getMessage());
        } finally {
            count.incrementAndGet();
        }
    }

    /** What EventBridge sends a rule's target ("Amazon EventBridge events", EventBridge User Guide). */
    static byte[] event(Schedule schedule, String region, Instant now) {
        String rule = "arn:aws:events:" + region + ":" + EventFactory.ACCOUNT_ID + ":rule/" + schedule.functionId() + "-" + schedule.eventId();
        return ("{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.events\",\"account\":\"" + EventFactory.ACCOUNT_ID + "\",\"time\":\""
                + now.truncatedTo(ChronoUnit.SECONDS) + "\",\"region\":\"" + region + "\",\"resources\":[\"" + rule
                + "\"],\"detail\":{}}").getBytes(StandardCharsets.UTF_8);
    }

    /** How many runs of a function's rules have ended (for tests that wait for a run, not for time). */
    long runs(String functionId) {
        AtomicLong count = runs.get(functionId);
        return count == null ? 0 : count.get();
    }

    List<String> descriptions() {
        return descriptions;
    }

    private static String describe(Duration period) {
        return period.toMillis() % 60_000 == 0 ? period.toMinutes() + " min" : period.toMillis() + " ms";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
