package dev.broadsheet.comments.handler;

import dev.broadsheet.comments.model.Comment;

import java.util.List;

/** The public shapes of comments: never the email, the email or IP hash. */
final class CommentViews {

    private CommentViews() {
    }

    record Author(String name, String url) {
    }

    /** One comment as the list shows it. */
    record CommentView(String id, String parentId, Author author, String contentHtml, String createdAt) {
    }

    /** The submitted comment as it will be shown, with its moderation status. */
    record SubmittedView(String id, String parentId, Author author, String contentHtml, String createdAt, String status) {
    }

    record CommentList(List<CommentView> items, String nextCursor) {
    }

    static CommentView view(Comment comment) {
        return new CommentView(comment.id(), comment.parentId(), new Author(comment.authorName(), comment.authorUrl()),
                comment.contentHtml(), comment.createdAt().toString());
    }

    static SubmittedView submitted(Comment comment) {
        return new SubmittedView(comment.id(), comment.parentId(), new Author(comment.authorName(), comment.authorUrl()),
                comment.contentHtml(), comment.createdAt().toString(), comment.status().value());
    }
}
