package dev.broadsheet.comments.handler;

import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.core.JsonWritable;
import dev.broadsheet.core.JsonWriter;
import dev.broadsheet.core.schema.CommentStatus;
import dev.broadsheet.core.schema.Timestamps;

import java.util.List;

/** The public shapes of comments: never the email, the email or IP hash. */
final class CommentViews {

    private CommentViews() {
    }

    record Author(String name, String url) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("name", name).field("url", url).endObject();
        }
    }

    /** One comment as the list shows it. */
    record CommentView(String id, String parentId, Author author, String contentHtml, String createdAt)
            implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("id", id).field("parentId", parentId).field("author", author)
                    .field("contentHtml", contentHtml).field("createdAt", createdAt).endObject();
        }
    }

    /** The submitted comment as it will be shown, with its moderation status. */
    record SubmittedView(String id, String parentId, Author author, String contentHtml, String createdAt, String status)
            implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("id", id).field("parentId", parentId).field("author", author)
                    .field("contentHtml", contentHtml).field("createdAt", createdAt).field("status", status).endObject();
        }
    }

    /**
     * A comment taken out of the list (spam, trash) whose approved replies are still in it: its
     * place in the thread, nothing of what it said or who said it.
     */
    record RemovedView(String id, String parentId, boolean removed) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("id", id).field("parentId", parentId).field("removed", removed).endObject();
        }
    }

    record CommentList(List<? extends JsonWritable> items, String nextCursor) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("items", items).field("nextCursor", nextCursor).endObject();
        }
    }

    /** A listed comment as the public list shows it: itself when approved, else its placeholder. */
    static JsonWritable listed(Comment comment) {
        return comment.status() == CommentStatus.APPROVED ? view(comment) : new RemovedView(comment.id(), comment.parentId(), true);
    }

    static CommentView view(Comment comment) {
        return new CommentView(comment.id(), comment.parentId(), new Author(comment.authorName(), comment.authorUrl()),
                comment.contentHtml(), Timestamps.format(comment.createdAt()));
    }

    /**
     * A spam comment (a banned sender, a disallowed word) is answered as pending: its sender learns
     * nothing, and its script cannot tell which rule caught it.
     */
    static SubmittedView submitted(Comment comment) {
        CommentStatus shown = comment.status() == CommentStatus.SPAM ? CommentStatus.PENDING : comment.status();
        return new SubmittedView(comment.id(), comment.parentId(), new Author(comment.authorName(), comment.authorUrl()),
                comment.contentHtml(), Timestamps.format(comment.createdAt()), shown.value());
    }
}
