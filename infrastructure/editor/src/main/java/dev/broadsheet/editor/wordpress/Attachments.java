package dev.broadsheet.editor.wordpress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The export's attachments (media library items), read in a first pass: WordPress exports items
 * by id, and an image is usually uploaded after the post that shows it was created, so a post's
 * featured image or gallery can come later in the file than the post.
 */
public final class Attachments {

    /**
     * One attachment: where its file was ({@code wp:attachment_url}), its path under
     * {@code uploads/} ({@code _wp_attached_file}), its alt text, caption (the excerpt) and title.
     */
    public record Attachment(long id, String url, String attachedFile, String alt, String caption, String title) {
    }

    private final Map<Long, Attachment> byId = new HashMap<>();
    private final Map<Long, List<Long>> byParent = new HashMap<>();

    public void add(Wxr.Item item) {
        Attachment attachment = new Attachment(item.postId(), item.attachmentUrl(), item.meta().get("_wp_attached_file"),
                item.meta().get("_wp_attachment_image_alt"), item.excerpt(), item.title());
        byId.put(item.postId(), attachment);
        if (item.postParent() > 0) {
            byParent.computeIfAbsent(item.postParent(), parent -> new ArrayList<>()).add(item.postId());
        }
    }

    public Attachment get(long id) {
        return byId.get(id);
    }

    /** The attachments uploaded to a post, in id order: what {@code [gallery]} without ids shows. */
    public List<Attachment> of(long postId) {
        return byParent.getOrDefault(postId, List.of()).stream().sorted().map(byId::get).toList();
    }

    public int size() {
        return byId.size();
    }
}
