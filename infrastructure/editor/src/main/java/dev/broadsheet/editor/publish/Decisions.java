package dev.broadsheet.editor.publish;

/**
 * The editorial decisions an article records (attribute {@code decisions}): who last changed its
 * content, its status and its comments, and at which version the content last changed. A
 * {@code comments close} or an unpublish bumps the article's version without changing its content,
 * so a file based on an older version conflicts only when {@code contentVersion} moved past it.
 *
 * @param contentVersion the version whose publish last changed the content; for articles written
 *                       before decisions were kept, their version (any change counts)
 * @param content        null when not recorded; so are the others
 */
public record Decisions(long contentVersion, Decision content, Decision status, Decision comments) {

    public Decisions withContent(long version, Decision decision) {
        return new Decisions(version, decision, status, comments);
    }

    public Decisions withStatus(Decision decision) {
        return new Decisions(contentVersion, content, decision, comments);
    }

    public Decisions withComments(Decision decision) {
        return new Decisions(contentVersion, content, status, decision);
    }
}
