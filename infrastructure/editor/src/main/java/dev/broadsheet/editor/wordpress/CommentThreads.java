package dev.broadsheet.editor.wordpress;

import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.comments.model.CommentIds;
import dev.broadsheet.comments.service.CommentImport;
import dev.broadsheet.comments.service.CommentService;
import dev.broadsheet.core.schema.CommentStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A post's WordPress comments as comments here: approved ({@code 1}) and pending ({@code 0})
 * comments kept, checked and sanitized as the comment form does ({@link CommentImport}); spam and
 * trash left out; pingbacks and trackbacks counted and left out. Threads follow
 * {@code wp:comment_parent}: a reply to a comment left out hangs under the nearest ancestor kept
 * (or on the article), and a reply deeper than {@value CommentService#MAX_DEPTH} levels is attached
 * at level {@value CommentService#MAX_DEPTH}, under its ancestor at the level above. Pending
 * comments with approved replies are listed as removed parents, as moderation lists them.
 */
final class CommentThreads {

    static final String HELD = "imported from WordPress, where it was waiting for moderation";

    /**
     * @param comments     parents before their replies
     * @param placeholders pending comments with approved replies below them
     * @param refused      left out by the comment form's rules, each with its reason
     * @param notes        what was changed to fit (a thread re-attached, a field left out)
     */
    record Threads(List<Comment> comments, Set<String> placeholders, int spam, int trash, int pings, int otherTypes,
                   List<String> refused, List<String> notes) {

        int approved() {
            return (int) comments.stream().filter(comment -> comment.status() == CommentStatus.APPROVED).count();
        }

        int pending() {
            return comments.size() - approved();
        }

        int skipped() {
            return spam + trash + pings + otherTypes + refused.size();
        }
    }

    private CommentThreads() {
    }

    static Threads of(String slug, List<Wxr.Comment> exported) {
        int spam = 0;
        int trash = 0;
        int pings = 0;
        int otherTypes = 0;
        List<String> refused = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<Long, Wxr.Comment> all = new HashMap<>();
        Map<Long, Comment> kept = new LinkedHashMap<>();
        exported.forEach(comment -> all.put(comment.id(), comment));
        for (Wxr.Comment comment : exported) {
            String type = comment.type() == null ? "" : comment.type().strip();
            String approved = comment.approved() == null ? "" : comment.approved().strip();
            if (type.equals("pingback") || type.equals("trackback")) {
                pings++;
                continue;
            }
            if (!type.isEmpty() && !type.equals("comment")) {
                otherTypes++;
                continue;
            }
            CommentStatus status;
            switch (approved) {
                case "1", "approve", "approved" -> status = CommentStatus.APPROVED;
                case "0", "hold" -> status = CommentStatus.PENDING;
                case "spam" -> {
                    spam++;
                    continue;
                }
                default -> {
                    trash++; // trash, post-trashed
                    continue;
                }
            }
            Instant createdAt = PostConverter.date(comment.dateGmt());
            if (createdAt == null) {
                createdAt = PostConverter.date(comment.date());
            }
            if (createdAt == null) {
                createdAt = Instant.EPOCH;
                notes.add("comment " + comment.id() + " has no date: dated 1970-01-01");
            }
            String id = CommentIds.derived(createdAt, "wordpress-comment:" + comment.id());
            CommentImport.Checked checked = CommentImport.check(new CommentImport.Incoming(slug, id, null, 1,
                    PostConverter.plain(comment.author()), comment.authorEmail(), comment.authorUrl(), comment.content(),
                    createdAt, status), HELD);
            if (checked.comment() == null) {
                refused.add("comment " + comment.id() + " by " + PostConverter.plain(comment.author()) + ": " + checked.refusal());
                continue;
            }
            checked.notes().forEach(note -> notes.add("comment " + comment.id() + ": " + note));
            kept.put(comment.id(), checked.comment());
        }

        // Each kept comment's parent: the nearest kept ancestor.
        Map<Long, Long> parentOf = new HashMap<>();
        for (long id : kept.keySet()) {
            long wanted = all.get(id).parent();
            long parent = wanted;
            Set<Long> seen = new LinkedHashSet<>();
            while (parent != 0 && !kept.containsKey(parent) && seen.add(parent)) {
                Wxr.Comment above = all.get(parent);
                parent = above == null ? 0 : above.parent();
            }
            if (parent != 0 && (!kept.containsKey(parent) || parent == id)) {
                parent = 0;
            }
            if (parent != wanted) {
                notes.add("comment " + id + " replied to comment " + wanted + ", which is not imported: "
                        + (parent == 0 ? "shown on the article" : "shown under comment " + parent));
            }
            parentOf.put(id, parent);
        }
        // Parents before replies, each level oldest first; depth at most MAX_DEPTH.
        Map<Long, List<Long>> replies = new HashMap<>();
        List<Long> roots = new ArrayList<>();
        Comparator<Long> byTime = Comparator.comparing((Long id) -> kept.get(id).createdAt()).thenComparing(id -> id);
        for (long id : kept.keySet()) {
            long parent = parentOf.get(id);
            if (parent == 0 || reachesItself(id, parentOf)) {
                roots.add(id);
            } else {
                replies.computeIfAbsent(parent, p -> new ArrayList<>()).add(id);
            }
        }
        List<Comment> ordered = new ArrayList<>();
        roots.sort(byTime);
        for (long root : roots) {
            place(root, null, 1, new ArrayList<>(), kept, replies, byTime, ordered, notes);
        }
        // Pending comments with approved replies anywhere below them are listed as removed parents.
        Map<String, Comment> byId = new HashMap<>();
        ordered.forEach(comment -> byId.put(comment.id(), comment));
        Set<String> placeholders = new LinkedHashSet<>();
        for (Comment comment : ordered) {
            if (comment.status() != CommentStatus.APPROVED) {
                continue;
            }
            Comment above = comment.parentId() == null ? null : byId.get(comment.parentId());
            while (above != null && above.status() != CommentStatus.APPROVED) {
                placeholders.add(above.id());
                above = above.parentId() == null ? null : byId.get(above.parentId());
            }
        }
        return new Threads(List.copyOf(ordered), placeholders, spam, trash, pings, otherTypes, refused, notes);
    }

    private static void place(long id, String parentId, int depth, List<String> path, Map<Long, Comment> kept,
                              Map<Long, List<Long>> replies, Comparator<Long> byTime, List<Comment> ordered,
                              List<String> notes) {
        Comment comment = kept.get(id);
        String parent = parentId;
        int level = depth;
        if (depth > CommentService.MAX_DEPTH) {
            // Attached at the deepest level: under the ancestor one level above it.
            level = CommentService.MAX_DEPTH;
            parent = path.get(CommentService.MAX_DEPTH - 2);
            notes.add("comment " + id + " was nested " + depth + " levels deep: shown at level " + CommentService.MAX_DEPTH);
        }
        ordered.add(new Comment(comment.articleSlug(), comment.id(), parent, comment.authorName(), comment.authorUrl(),
                comment.email(), comment.emailHash(), comment.authorHash(), comment.ipHash(), comment.contentHtml(),
                comment.status(), level, comment.createdAt(), comment.heldBecause()));
        List<String> below = new ArrayList<>(path);
        below.add(comment.id());
        List<Long> children = new ArrayList<>(replies.getOrDefault(id, List.of()));
        children.sort(byTime);
        for (long child : children) {
            place(child, comment.id(), depth + 1, below, kept, replies, byTime, ordered, notes);
        }
    }

    /** A cycle of parents (a damaged export): its comments go on the article. */
    private static boolean reachesItself(long id, Map<Long, Long> parentOf) {
        Set<Long> seen = new LinkedHashSet<>();
        long current = parentOf.getOrDefault(id, 0L);
        while (current != 0 && seen.add(current)) {
            if (current == id) {
                return true;
            }
            current = parentOf.getOrDefault(current, 0L);
        }
        return false;
    }
}
