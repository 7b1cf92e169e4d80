package dev.broadsheet.editor.wordpress;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an import did, counted per kind, with every post stored unpublished, skipped or changed on
 * the way (a loss) named with its reason. Filled from several threads; printed once at the end.
 */
public final class ImportReport {

    private static final Pattern POST_ID = Pattern.compile("post (\\d{1,18})\\b");

    private final boolean dryRun;
    private int published;
    private int scheduled;
    private int unpublished;
    private int created;
    private int updated;
    private int unchanged;
    private int skippedPosts;
    private final Map<String, Integer> otherItems = new TreeMap<>();
    private int commentsApproved;
    private int commentsPending;
    private int commentsPresent;
    private int commentsSpam;
    private int commentsTrash;
    private int commentsPings;
    private int commentsOtherTypes;
    private int commentsRefused;
    private int imagesUploaded;
    private int imagesPresent;
    private int imagesMissing;
    private final List<String> unpublishedPosts = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<String> losses = new ArrayList<>();

    public ImportReport(boolean dryRun) {
        this.dryRun = dryRun;
    }

    synchronized void otherItem(String postType) {
        otherItems.merge(postType, 1, Integer::sum);
    }

    synchronized void skippedPost(String post, String reason) {
        skippedPosts++;
        skipped.add(post + ": " + reason);
    }

    /** A post stored (or, in a dry run, that would be): its kind, and whether the store changed. */
    synchronized void stored(PostConverter.Post post, String name, Outcome outcome) {
        switch (post.kind()) {
            case PUBLISHED -> published++;
            case SCHEDULED -> scheduled++;
            case UNPUBLISHED -> {
                unpublished++;
                unpublishedPosts.add(name + ": " + post.reason());
            }
        }
        switch (outcome) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
        }
        post.losses().forEach(loss -> losses.add(name + ": " + loss));
        imagesMissing += post.missingImages().size();
    }

    /** Whether the store changed for a post. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    synchronized void images(int uploaded, int present) {
        imagesUploaded += uploaded;
        imagesPresent += present;
    }

    synchronized void comments(String name, CommentThreads.Threads threads, int approvedWritten, int pendingWritten, int present) {
        commentsApproved += approvedWritten;
        commentsPending += pendingWritten;
        commentsPresent += present;
        commentsSpam += threads.spam();
        commentsTrash += threads.trash();
        commentsPings += threads.pings();
        commentsOtherTypes += threads.otherTypes();
        commentsRefused += threads.refused().size();
        threads.refused().forEach(refusal -> losses.add(name + ": " + refusal + " (not imported)"));
        threads.notes().forEach(note -> losses.add(name + ": " + note));
    }

    /** Whether the run wrote anything (a second run of the same import writes nothing). */
    private boolean changedAnything() {
        return created + updated + commentsApproved + commentsPending + imagesUploaded > 0;
    }

    public synchronized void print(PrintWriter out) {
        String would = dryRun ? "would be " : "";
        out.println();
        out.println(dryRun ? "Dry run: nothing was written. What the import would do:" : "Import report:");
        out.println("  posts: " + (published + scheduled + unpublished + skippedPosts) + " — " + would + "published " + published
                + ", scheduled " + scheduled + ", stored unpublished " + unpublished + "; skipped " + skippedPosts);
        if (!dryRun) {
            out.println("  articles: created " + created + ", updated " + updated + ", unchanged (imported before) " + unchanged);
        }
        if (!otherItems.isEmpty()) {
            List<String> kinds = new ArrayList<>();
            otherItems.forEach((type, count) -> kinds.add(type + " " + count));
            out.println("  other items (not articles, skipped): " + String.join(", ", kinds));
        }
        int commentsSkipped = commentsSpam + commentsTrash + commentsPings + commentsOtherTypes + commentsRefused;
        out.println("  comments: " + would + "approved " + commentsApproved + ", " + would + "pending (moderation queue) "
                + commentsPending + (dryRun ? "" : ", already imported " + commentsPresent) + "; skipped " + commentsSkipped
                + " (spam " + commentsSpam + ", trash " + commentsTrash + ", pingbacks/trackbacks " + commentsPings
                + ", other types " + commentsOtherTypes + ", refused " + commentsRefused + ")");
        out.println("  images: " + (dryRun ? "to upload " + imagesUploaded : "uploaded " + imagesUploaded + ", already there "
                + imagesPresent) + ", missing " + imagesMissing);
        section(out, "Stored unpublished (never served, listed or in a feed; publish them with broadsheet publish):",
                unpublishedPosts);
        section(out, "Skipped:", skipped);
        section(out, "Losses (what was left out or changed to fit):", losses);
        if (!dryRun && !changedAnything()) {
            out.println("Nothing changed: every post, comment and image of this export was imported before.");
        }
    }

    private static void section(PrintWriter out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.println(title);
        // By post id (the lines start "post <id> "), then as written: the export's order, whatever thread wrote them.
        lines.stream().sorted(Comparator.comparingLong(ImportReport::postId)).forEach(line -> out.println("  " + line));
    }

    private static long postId(String line) {
        Matcher id = POST_ID.matcher(line);
        return id.lookingAt() ? Long.parseLong(id.group(1)) : Long.MAX_VALUE;
    }

    synchronized void wouldImportComments(CommentThreads.Threads threads, String name) {
        comments(name, threads, threads.approved(), threads.pending(), 0);
    }

    synchronized void wouldUpload(int images) {
        imagesUploaded += images;
    }

    public synchronized int commentsApproved() {
        return commentsApproved;
    }

    public synchronized int published() {
        return published;
    }
}
