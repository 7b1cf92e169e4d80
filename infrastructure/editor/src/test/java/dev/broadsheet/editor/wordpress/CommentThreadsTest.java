package dev.broadsheet.editor.wordpress;

import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.comments.model.CommentIds;
import dev.broadsheet.core.schema.CommentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommentThreadsTest {

    @TempDir
    Path folder;

    @Test
    void approvedPendingSpamTrashAndPingbacksOfTheFixture() {
        Wxr.Item post = WxrFixtures.post(WxrFixtures.items(WxrFixtures.file(folder, "export-1.2.xml", null)), 10);
        CommentThreads.Threads threads = CommentThreads.of("harbour-reopens", post.comments());
        assertEquals(3, threads.approved());
        assertEquals(1, threads.pending());
        assertEquals(1, threads.spam());
        assertEquals(1, threads.trash());
        assertEquals(1, threads.pings());
        List<Comment> comments = threads.comments();
        Comment ann = comments.get(0);
        assertEquals("Ann Reader", ann.authorName());
        assertEquals("ann@example.com", ann.email());
        assertEquals("https://ann.example.com", ann.authorUrl());
        assertEquals("Great news! <b>Finally.</b>", ann.contentHtml(), "sanitized by the comment form's policy");
        assertEquals(1, ann.depth());
        Comment bob = comments.get(1);
        assertEquals(ann.id(), bob.parentId());
        assertEquals(2, bob.depth());
        Comment carol = comments.get(2);
        assertEquals(CommentStatus.PENDING, carol.status());
        assertEquals(CommentThreads.HELD, carol.heldBecause());
        Comment eve = comments.get(3);
        assertEquals(carol.id(), eve.parentId());
        assertEquals(Set.of(carol.id()), threads.placeholders(), "a pending parent of an approved reply is listed as removed");
        comments.forEach(comment -> assertTrue(CommentIds.isId(comment.id()), comment.id()));
        assertEquals(comments.stream().map(Comment::id).toList(),
                CommentThreads.of("harbour-reopens", post.comments()).comments().stream().map(Comment::id).toList(),
                "ids derive from WordPress's: the same every run");
        assertTrue(ann.id().compareTo(bob.id()) < 0, "ids sort by time");
    }

    @Test
    void repliesDeeperThanFiveLevelsAreAttachedAtLevelFive() {
        List<Wxr.Comment> chain = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            chain.add(comment(i, i - 1, "1", ""));
        }
        List<Comment> comments = CommentThreads.of("a", chain).comments();
        assertEquals(List.of(1, 2, 3, 4, 5, 5, 5), comments.stream().map(Comment::depth).toList());
        String levelFour = comments.get(3).id();
        assertEquals(levelFour, comments.get(5).parentId());
        assertEquals(levelFour, comments.get(6).parentId());
        assertEquals(comments.get(3).id(), comments.get(4).parentId());
    }

    @Test
    void aReplyToASpamCommentHangsUnderTheNearestImportedAncestor() {
        CommentThreads.Threads threads = CommentThreads.of("a", List.of(comment(1, 0, "1", ""), comment(2, 1, "spam", ""),
                comment(3, 2, "1", ""), comment(4, 99, "1", "")));
        List<Comment> comments = threads.comments();
        assertEquals(3, comments.size());
        assertEquals(comments.get(0).id(), comments.get(1).parentId());
        assertEquals(2, comments.get(1).depth());
        assertNull(comments.get(2).parentId(), "a reply to a comment not in the export goes on the article");
        assertEquals(2, threads.notes().size(), threads.notes().toString());
    }

    @Test
    void commentsTheFormWouldRefuseAreSkippedWithTheirReason() {
        CommentThreads.Threads threads = CommentThreads.of("a", List.of(
                new Wxr.Comment(1, "X", "not-an-email", "javascript:alert(1)", "2016-01-01 00:00:00", "2016-01-01 00:00:00",
                        "<script>only script</script>", "1", "", 0),
                new Wxr.Comment(2, "", "", "ftp://example.com", "2016-01-01 00:00:00", "0000-00-00 00:00:00", "Fine", "0", "comment", 0),
                new Wxr.Comment(3, "Y", "", "", "2016-01-01 00:00:00", "2016-01-01 00:00:00", "A review", "1", "review", 0)));
        assertEquals(1, threads.refused().size());
        assertTrue(threads.refused().get(0).contains("nothing left"), threads.refused().toString());
        Comment kept = threads.comments().get(0);
        assertEquals("Anonymous", kept.authorName());
        assertNull(kept.email());
        assertNull(kept.authorUrl());
        assertEquals(1, threads.otherTypes());
        assertFalse(threads.notes().isEmpty());
    }

    private static Wxr.Comment comment(long id, long parent, String approved, String type) {
        return new Wxr.Comment(id, "Reader " + id, "r" + id + "@example.com", "", "2016-09-13 10:00:00",
                "2016-09-13 10:" + String.format("%02d", id) + ":00", "Comment " + id, approved, type, parent);
    }
}
