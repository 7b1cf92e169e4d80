package dev.broadsheet.comments.service;

import java.time.Duration;

/**
 * How often one client may ask: the flood interval (one comment per address and per email within
 * it; zero turns the rule off), challenges per client address a minute, and comments per client
 * address and per email an hour. The per-client limits are expiring counters in the guards table,
 * one per fixed window (a minute, an hour): a client can spend two windows' worth around a window's
 * end, never more.
 */
public record Limits(Duration floodInterval, int challengesPerMinute, int commentsPerHour) {

    /** The template's defaults (CommentFloodSeconds, CommentChallengesPerMinute, CommentsPerHour). */
    public static final Limits DEFAULTS = new Limits(Duration.ofSeconds(15), 20, 30);

    public Limits {
        if (floodInterval.isNegative() || challengesPerMinute < 1 || commentsPerHour < 1) {
            throw new IllegalArgumentException("limits must be positive: " + floodInterval + ", " + challengesPerMinute
                    + ", " + commentsPerHour);
        }
    }
}
