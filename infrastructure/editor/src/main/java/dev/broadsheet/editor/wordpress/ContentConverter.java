package dev.broadsheet.editor.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.articles.model.Links;
import dev.broadsheet.core.Json;
import dev.broadsheet.editor.article.ArticleReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress post content to body blocks in the editor's article JSON (BODY-SPEC): the HTML the
 * block editor saved (its {@code <!-- wp:... -->} comments delimit blocks whose HTML says what they
 * are), or classic content, where WordPress's {@code wpautop} makes paragraphs of blank lines and
 * line breaks of single newlines, and a URL alone on a line is embedded. Parsed with jsoup;
 * shortcodes first ({@link Shortcodes}).
 *
 * <p>Nothing is dropped silently: what has no block is kept as text where it has any, and every
 * loss (an element or mark with no equivalent, an image without its file, a dynamic block, a
 * shortcode kept as text) is a line of {@link Converted#losses()}.
 */
public final class ContentConverter {

    /** BODY-SPEC: lists nest at most 4 levels. */
    static final int MAX_LIST_DEPTH = 4;
    static final int MAX_TEXT = 1_000;
    private static final Pattern LANGUAGE = Pattern.compile("(?:language|lang|brush)[-:]\\s*([a-z0-9+#.-]{1,30})");
    private static final Pattern ATTACHMENT_CLASS = Pattern.compile("wp-image-(\\d+)");
    private static final Pattern GUTENBERG = Pattern.compile("^\\s*(/?)wp:([a-z0-9/-]+)\\s*(\\{.*})?\\s*(/?)\\s*$", Pattern.DOTALL);
    private static final Pattern JSON_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern JSON_URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern BACKGROUND = Pattern.compile("background-image\\s*:\\s*url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Pattern URL_LINE = Pattern.compile("https?://[^\\s<>\"]+");
    /** Blocks WordPress renders when the page is viewed: the export holds only their settings. */
    private static final Set<String> CONTENTLESS = Set.of("more", "nextpage", "spacer");
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "svg", "canvas", "form",
            "input", "select", "textarea", "button", "object", "embed", "map", "math", "head", "title", "meta", "link");
    private static final Set<String> BLOCK_CONTAINERS = Set.of("div", "section", "article", "main", "header", "footer",
            "aside", "nav", "center", "details", "summary", "dl", "dt", "dd", "address", "body", "html", "fieldset",
            "hgroup", "li", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "figcaption", "picture", "ul", "ol");
    /** Formatting the body has no mark for: its text is kept, plain. */
    private static final Set<String> PLAIN_FORMATTING = Set.of("u", "s", "strike", "del", "ins", "mark", "small", "big",
            "font", "abbr", "acronym", "cite", "q", "dfn", "var", "time", "label", "bdi", "bdo", "wbr", "span", "data", "nobr");

    /**
     * Where images come from: the file under {@code --uploads} of an image URL and/or attachment, or why there is none.
     */
    public interface Media {
        /** @param attachment the media-library item the image is (its id was in the HTML or the block comment), or null */
        Found find(String src, Attachments.Attachment attachment);

        /** @param file relative to the uploads folder; null when not found, {@code missing} saying why */
        record Found(String file, String missing) {
        }
    }

    /**
     * @param blocks        the body's blocks, in the editor's ARTICLE.json form
     * @param losses        every loss, in words, in the order met
     * @param missingImages the images left out because their file was not found, each with its reason
     */
    public record Converted(List<ObjectNode> blocks, List<String> losses, List<String> missingImages) {
    }

    private final Media media;
    private final Attachments attachments;
    private final URI base;
    private final boolean autop;
    private final List<ObjectNode> blocks = new ArrayList<>();
    private final Set<String> losses = new LinkedHashSet<>();
    private final List<String> missing = new ArrayList<>();
    private final Set<String> plainFormatting = new TreeSet<>();
    private final List<ObjectNode> deferred = new ArrayList<>();
    private Spans paragraph = new Spans();
    private int inlineDepth;
    private final List<String> marks = new ArrayList<>();
    private String href;
    private Long pendingAttachment;
    private String pendingEmbedUrl;

    private ContentConverter(Media media, Attachments attachments, URI base, boolean autop) {
        this.media = media;
        this.attachments = attachments;
        this.base = base;
        this.autop = autop;
    }

    /**
     * @param base the post's permalink (else the site's URL): relative links and images resolve against it
     */
    public static Converted convert(String content, String base, Media media, Attachments attachments, long postId) {
        Shortcodes.Expanded expanded = Shortcodes.expand(CONTROL.matcher(content.replace("\r\n", "\n").replace('\r', '\n'))
                .replaceAll(""), postId);
        ContentConverter converter = new ContentConverter(media, attachments, uri(base), !content.contains("<!-- wp:"));
        Document document = Jsoup.parseBodyFragment(expanded.html());
        converter.children(document.body());
        converter.flush();
        expanded.unknown().forEach(name -> converter.losses.add("shortcode [" + name + "] kept as text (no equivalent)"));
        if (!converter.plainFormatting.isEmpty()) {
            converter.losses.add("formatting kept as plain text: <" + String.join(">, <", converter.plainFormatting) + ">");
        }
        return new Converted(List.copyOf(converter.blocks), List.copyOf(converter.losses), List.copyOf(converter.missing));
    }

    private static URI uri(String base) {
        try {
            return base == null ? null : URI.create(base.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- the walk: blocks ----

    private void children(Node parent) {
        for (Node child : new ArrayList<>(parent.childNodes())) {
            node(child);
        }
    }

    private void node(Node node) {
        if (node instanceof TextNode text) {
            text(text.getWholeText());
        } else if (node instanceof Comment comment) {
            blockComment(comment.getData());
        } else if (node instanceof Element element) {
            element(element);
        }
    }

    private void element(Element element) {
        String tag = element.normalName();
        if (inlineOnly(element, tag)) {
            return;
        }
        switch (tag) {
            case "p" -> {
                flush();
                children(element);
                flush();
            }
            case "br" -> paragraph.lineBreak();
            case "h1", "h2", "h3", "h4", "h5", "h6" -> heading(element, tag);
            case "ul", "ol" -> {
                flush();
                ObjectNode list = list(element, 1);
                if (list != null) {
                    add(list);
                }
            }
            case "blockquote" -> {
                flush();
                quote(element);
            }
            case "pre" -> {
                flush();
                code(element);
            }
            case "table" -> {
                flush();
                table(element, null);
            }
            case "figure" -> {
                flush();
                figure(element);
            }
            case "img" -> image(element);
            case "hr" -> {
                flush();
                add(block("separator"));
            }
            case "iframe", "video", "audio" -> {
                flush();
                media(element);
            }
            case "a" -> {
                String previous = href;
                href = link(element.attr("href"), element.text());
                children(element);
                href = previous;
            }
            case "strong", "b" -> mark(element, "strong");
            case "em", "i" -> mark(element, "em");
            case "code", "kbd", "samp", "tt" -> mark(element, "code");
            case "sub" -> mark(element, "sub");
            case "sup" -> mark(element, "sup");
            default -> {
                if (DROPPED.contains(tag)) {
                    losses.add("<" + tag + "> left out (no equivalent)");
                } else if (tag.equals("div") && element.hasClass("wp-caption")) {
                    flush();
                    figure(element);
                } else if (BLOCK_CONTAINERS.contains(tag)) {
                    flush();
                    backgroundImage(element);
                    children(element);
                    flush();
                } else {
                    if (PLAIN_FORMATTING.contains(tag) && !tag.equals("span") && !tag.equals("wbr") && !element.text().isBlank()) {
                        plainFormatting.add(tag);
                    }
                    children(element);
                }
            }
        }
    }

    private void mark(Element element, String mark) {
        boolean added = !marks.contains(mark);
        if (added) {
            marks.add(mark);
        }
        children(element);
        if (added) {
            marks.remove(mark);
        }
    }

    private void text(String text) {
        if (!autop) {
            paragraph.text(text, sortedMarks(), href);
            return;
        }
        // wpautop: a blank line ends a paragraph (inside a heading, item, cell or quote it is a line), a newline is a break.
        String[] paragraphs = inlineDepth > 0 ? new String[] {text} : text.split("\n[ \\t]*\n\\s*", -1);
        for (int i = 0; i < paragraphs.length; i++) {
            if (i > 0) {
                flush();
            }
            String[] lines = paragraphs[i].split("\n", -1);
            for (int j = 0; j < lines.length; j++) {
                if (j > 0 && !paragraph.isBlank()) {
                    paragraph.lineBreak();
                }
                paragraph.text(lines[j], sortedMarks(), href);
            }
        }
    }

    private List<String> sortedMarks() {
        return Spans.MARKS.stream().filter(marks::contains).toList();
    }

    /** Ends the paragraph being collected: a paragraph block, or an embed when it is a provider's URL alone on its line (classic content). */
    private void flush() {
        if (inlineDepth > 0) {
            return;
        }
        if (paragraph.isBlank()) {
            paragraph.take();
            return;
        }
        List<Spans.Span> spans = paragraph.take();
        String plain = Spans.plain(spans);
        if (autop && URL_LINE.matcher(plain).matches() && spans.stream().allMatch(s -> s.href() == null || s.href().equals(plain))) {
            Optional<Embeds.Embed> embed = Embeds.of(plain);
            if (embed.isPresent()) {
                add(embed(embed.get(), null));
                return;
            }
        }
        add(textBlock("paragraph", spans));
    }

    private void blockComment(String data) {
        Matcher matcher = GUTENBERG.matcher(data);
        if (!matcher.matches()) {
            return; // <!--more-->, <!--nextpage--> and other comments show nothing
        }
        boolean closing = !matcher.group(1).isEmpty();
        String name = matcher.group(2);
        String attributes = matcher.group(3) == null ? "" : matcher.group(3);
        boolean selfClosing = !matcher.group(4).isEmpty();
        if (closing) {
            pendingAttachment = null;
            pendingEmbedUrl = null;
            return;
        }
        String shortName = name.startsWith("core/") ? name.substring(5) : name;
        if (selfClosing) {
            if (!CONTENTLESS.contains(shortName)) {
                flush();
                losses.add("block wp:" + shortName + " left out: WordPress renders it when the page is viewed, the export has no content for it");
            }
            return;
        }
        Matcher id = JSON_ID.matcher(attributes);
        pendingAttachment = (shortName.equals("image") || shortName.equals("media-text") || shortName.equals("cover")) && id.find()
                ? Long.valueOf(id.group(1)) : null;
        Matcher url = JSON_URL.matcher(attributes);
        pendingEmbedUrl = shortName.contains("embed") && url.find() ? url.group(1).replace("\\/", "/") : null;
    }

    // ---- blocks ----

    private void heading(Element element, String tag) {
        flush();
        int level = Math.max(2, Math.min(4, tag.charAt(1) - '0'));
        if (tag.charAt(1) - '0' > 4) {
            losses.add("heading <" + tag + "> shown as level 4 (headings are levels 2 to 4)");
        }
        List<Spans.Span> spans = inline(element);
        if (!spans.isEmpty()) {
            ObjectNode block = textBlock("heading", spans);
            block.put("level", level);
            add(block);
        }
    }

    /**
     * The inline content of an element on its own (a heading, a list item, a cell, a quote): blocks
     * inside end a line instead of a paragraph; an image or embed inside comes after the element's block.
     */
    private List<Spans.Span> inline(Element element) {
        Spans outer = paragraph;
        paragraph = new Spans();
        int before = blocks.size();
        inlineDepth++;
        try {
            children(element);
        } finally {
            inlineDepth--;
        }
        List<Spans.Span> spans = paragraph.take();
        paragraph = outer;
        List<ObjectNode> inside = blocks.subList(before, blocks.size());
        deferred.addAll(inside);
        inside.clear();
        return spans;
    }

    /** Adds a block, then what was inside it that has to follow it (see {@link #inline}). */
    private void add(ObjectNode block) {
        blocks.add(block);
        if (inlineDepth == 0) {
            blocks.addAll(deferred);
            deferred.clear();
        }
    }

    private static boolean isBlockInInline(String tag) {
        return switch (tag) {
            case "p", "div", "blockquote", "pre", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "table",
                 "tr", "td", "th", "figure", "figcaption", "dl", "dt", "dd", "article", "header", "footer", "aside" -> true;
            default -> false;
        };
    }

    private void endLine() {
        if (!paragraph.isBlank() && !paragraph.endsWithBreak()) {
            paragraph.lineBreak();
        }
    }

    /** Inside an element taken as inline content: blocks end lines, images and embeds follow it. */
    private boolean inlineOnly(Element element, String tag) {
        if (inlineDepth == 0) {
            return false;
        }
        if (isBlockInInline(tag)) {
            endLine();
            children(element);
            endLine();
            return true;
        }
        switch (tag) {
            case "img" -> {
                if (element.hasClass("emoji") || element.hasClass("wp-smiley")) {
                    paragraph.text(element.attr("alt"), sortedMarks(), href);
                } else {
                    imageRef(element, null).ifPresent(image -> add(imageBlock(image)));
                }
                return true;
            }
            case "hr" -> {
                paragraph.lineBreak();
                return true;
            }
            case "iframe", "video", "audio" -> {
                media(element);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private ObjectNode list(Element element, int depth) {
        ObjectNode list = block("list");
        list.put("ordered", element.normalName().equals("ol"));
        ArrayNode items = list.putArray("items");
        for (Element li : element.children()) {
            if (!li.normalName().equals("li")) {
                continue;
            }
            listItem(li, depth, items);
        }
        return items.isEmpty() ? null : list;
    }

    private void listItem(Element li, int depth, ArrayNode items) {
        Element copy = li.clone();
        List<Element> nested = new ArrayList<>();
        for (Element child : copy.children()) {
            if (child.normalName().equals("ul") || child.normalName().equals("ol")) {
                nested.add(child);
            }
        }
        nested.forEach(Element::remove);
        List<Spans.Span> spans = inline(copy);
        ObjectNode item = Json.MAPPER.createObjectNode();
        putContent(item, spans);
        List<ObjectNode> sublists = new ArrayList<>();
        List<JsonNode> flattened = new ArrayList<>();
        for (Element sublist : nested) {
            if (depth >= MAX_LIST_DEPTH) {
                losses.add("a list nested deeper than " + MAX_LIST_DEPTH + " levels: its items are at level " + MAX_LIST_DEPTH);
                ObjectNode flat = list(sublist, depth);
                if (flat != null) {
                    flat.withArray("items").forEach(flattened::add);
                }
            } else {
                ObjectNode inner = list(sublist, depth + 1);
                if (inner != null) {
                    sublists.add(inner);
                }
            }
        }
        if (spans.isEmpty()) {
            // An item that is only a nested list: its items join this level.
            sublists.forEach(sublist -> sublist.withArray("items").forEach(items::add));
            flattened.forEach(items::add);
            return;
        }
        if (!sublists.isEmpty()) {
            ObjectNode first = sublists.get(0);
            for (int i = 1; i < sublists.size(); i++) {
                sublists.get(i).withArray("items").forEach(inner -> first.withArray("items").add(inner));
            }
            ObjectNode sublist = Json.MAPPER.createObjectNode();
            sublist.put("ordered", first.get("ordered").asBoolean());
            sublist.set("items", first.get("items"));
            item.set("list", sublist);
        }
        items.add(item);
        flattened.forEach(items::add);
    }

    private void quote(Element element) {
        String className = element.className();
        if (className.contains("twitter-tweet") || className.contains("instagram-media") || className.contains("tiktok-embed")) {
            String url = element.hasAttr("cite") ? element.attr("cite") : element.attr("data-instgrm-permalink");
            List<Element> links = element.select("a[href]");
            if (url.isBlank() && !links.isEmpty()) {
                // The provider's embed code ends with the link to the post itself.
                url = links.get(links.size() - 1).attr("href");
            }
            Optional<Embeds.Embed> embed = Embeds.of(url.isBlank() ? null : resolve(url));
            if (embed.isPresent()) {
                add(embed(embed.get(), null));
                return;
            }
        }
        Element copy = element.clone();
        String attribution = null;
        for (Element cite : copy.select("cite, footer")) {
            if (cite.parent() == copy || cite.parent() != null && cite.parent().normalName().equals("footer")) {
                attribution = cite.text().strip();
                cite.remove();
                break;
            }
        }
        List<Spans.Span> spans = inline(copy);
        if (spans.isEmpty()) {
            return;
        }
        ObjectNode block = textBlock("quote", spans);
        if (attribution != null && !attribution.isBlank()) {
            block.put("attribution", capped(attribution.replaceFirst("^[—–-]\\s*", ""), "quote attribution", ArticleReader.MAX_HEADLINE));
        }
        String cite = element.attr("cite");
        if (!cite.isBlank()) {
            String resolved = resolve(cite);
            if (resolved != null && Links.isWebUrl(resolved)) {
                block.put("cite", resolved);
            }
        }
        add(block);
    }

    private void code(Element pre) {
        Element code = pre.selectFirst("code");
        String text = (code != null ? code.wholeText() : pre.wholeText());
        text = text.replaceFirst("^\n", "").replaceFirst("\\s+$", "");
        if (text.isBlank()) {
            return;
        }
        ObjectNode block = block("code");
        block.put("text", text);
        String classes = ((code != null ? code.className() : "") + " " + pre.className() + " " + pre.attr("lang")).toLowerCase(Locale.ROOT);
        Matcher language = LANGUAGE.matcher(classes);
        if (language.find()) {
            block.put("language", language.group(1));
        } else if (!pre.attr("lang").isBlank() && pre.attr("lang").toLowerCase(Locale.ROOT).matches("[a-z0-9+#.-]{1,30}")) {
            block.put("language", pre.attr("lang").toLowerCase(Locale.ROOT));
        }
        add(block);
    }

    private void table(Element table, String figureCaption) {
        ArrayNode header = null;
        ArrayNode rows = Json.MAPPER.createArrayNode();
        boolean spans = false;
        for (Element row : table.select("tr")) {
            if (row.closest("table") != table) {
                continue;
            }
            ArrayNode cells = Json.MAPPER.createArrayNode();
            boolean allHeaders = true;
            for (Element cell : row.children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                allHeaders &= cell.normalName().equals("th");
                spans |= cell.hasAttr("colspan") || cell.hasAttr("rowspan");
                List<Spans.Span> content = inline(cell);
                if (Spans.isPlain(content)) {
                    cells.add(Spans.plain(content));
                } else {
                    ObjectNode node = cells.addObject();
                    node.set("content", Spans.json(content));
                }
            }
            if (cells.isEmpty()) {
                continue;
            }
            boolean inHead = row.parent() != null && row.parent().normalName().equals("thead");
            if (header == null && rows.isEmpty() && (inHead || allHeaders)) {
                header = cells;
            } else {
                rows.add(cells);
            }
        }
        if (spans) {
            losses.add("table cells spanning rows or columns kept as single cells");
        }
        if (rows.isEmpty() && header == null) {
            return;
        }
        ObjectNode block = block("table");
        String caption = figureCaption;
        Element captionElement = table.selectFirst("caption");
        if (caption == null && captionElement != null && !captionElement.text().isBlank()) {
            caption = captionElement.text();
        }
        if (caption != null && !caption.isBlank()) {
            block.put("caption", capped(caption, "table caption", MAX_TEXT));
        }
        if (header != null) {
            block.set("header", header);
        }
        if (rows.isEmpty()) {
            // A table of a header row only: its row is the table.
            rows.add(header);
            block.remove("header");
        }
        block.set("rows", rows);
        add(block);
    }

    private void figure(Element figure) {
        String figcaption = null;
        for (Element child : figure.children()) {
            if (child.normalName().equals("figcaption") && !child.text().isBlank()) {
                figcaption = child.text().strip();
            }
        }
        if (figure.hasClass(Shortcodes.GALLERY_CLASS)) {
            gallery(shortcodeGallery(figure), figcaption);
            return;
        }
        if (figure.hasClass("wp-block-gallery") || figure.hasClass("gallery") || figure.select("img").size() > 1
                && figure.select("table, blockquote, pre").isEmpty()) {
            List<ObjectNode> images = new ArrayList<>();
            for (Element img : figure.select("img")) {
                Element inner = img.closest("figure");
                String caption = null;
                if (inner != null && inner != figure) {
                    Element innerCaption = inner.selectFirst("figcaption");
                    caption = innerCaption == null ? null : innerCaption.text();
                }
                imageRef(img, caption).ifPresent(images::add);
            }
            gallery(images, figure.hasClass("wp-block-gallery") || figure.hasClass("gallery") ? figcaption(figure) : figcaption);
            return;
        }
        Element table = figure.selectFirst("table");
        if (table != null) {
            table(table, figcaption);
            return;
        }
        if (figure.hasClass("wp-block-embed") || figure.selectFirst(".wp-block-embed__wrapper") != null) {
            Element wrapper = figure.selectFirst(".wp-block-embed__wrapper");
            String url = wrapper != null && !wrapper.text().isBlank() ? wrapper.text().strip() : pendingEmbedUrl;
            Element iframe = figure.selectFirst("iframe[src]");
            if ((url == null || url.isBlank()) && iframe != null) {
                url = iframe.attr("src");
            }
            embedOrLink(url, figcaption, "embed");
            return;
        }
        Element quote = figure.selectFirst("blockquote");
        if (quote != null) {
            quote(quote);
            return;
        }
        Element img = figure.selectFirst("img");
        if (img != null) {
            String caption = figcaption;
            if (figure.hasClass(Shortcodes.CAPTION_CLASS) || figure.hasClass("wp-caption")) {
                caption = shortcodeCaption(figure);
            }
            imageRef(img, caption).ifPresent(image -> {
                ObjectNode block = block("image");
                block.set("image", image);
                add(block);
            });
            return;
        }
        Element mediaElement = figure.selectFirst("iframe, video, audio");
        if (mediaElement != null) {
            media(mediaElement);
            return;
        }
        children(figure);
        flush();
    }

    private static String figcaption(Element figure) {
        for (Element child : figure.children()) {
            if (child.normalName().equals("figcaption") && !child.text().isBlank()) {
                return child.text().strip();
            }
        }
        return null;
    }

    /** A [caption]'s text: its {@code caption} attribute (old WordPress), else the text beside the image. */
    private static String shortcodeCaption(Element figure) {
        if (!figure.attr("data-caption").isBlank()) {
            return Jsoup.parse(figure.attr("data-caption")).text();
        }
        Element copy = figure.clone();
        copy.select("img").remove();
        copy.select("a").stream().filter(a -> a.text().isBlank()).forEach(Element::remove);
        String text = copy.text().strip();
        return text.isEmpty() ? null : text;
    }

    private List<ObjectNode> shortcodeGallery(Element figure) {
        List<Attachments.Attachment> items = new ArrayList<>();
        if (figure.hasAttr("data-ids")) {
            for (String id : figure.attr("data-ids").split("[,\\s]+")) {
                try {
                    Attachments.Attachment attachment = attachments.get(Long.parseLong(id.strip()));
                    if (attachment == null) {
                        recordMissing("gallery image " + id.strip() + " (not in the export)");
                    } else {
                        items.add(attachment);
                    }
                } catch (NumberFormatException e) {
                    // not an id: ignored, as WordPress does
                }
            }
        } else {
            long post = Long.parseLong(figure.attr("data-post"));
            items.addAll(attachments.of(post));
        }
        List<ObjectNode> images = new ArrayList<>();
        for (Attachments.Attachment attachment : items) {
            imageJson(attachment.url(), attachment, null, nonBlank(attachment.caption()) ? attachment.caption().strip() : null)
                    .ifPresent(images::add);
        }
        return images;
    }

    private void gallery(List<ObjectNode> images, String caption) {
        if (images.isEmpty()) {
            return;
        }
        if (images.size() == 1) {
            ObjectNode block = block("image");
            ObjectNode image = images.get(0);
            if (caption != null && !image.has("caption")) {
                image.put("caption", capped(caption, "image caption", MAX_TEXT));
            }
            block.set("image", image);
            add(block);
            return;
        }
        ObjectNode block = block("gallery");
        ArrayNode list = block.putArray("images");
        images.forEach(list::add);
        if (caption != null) {
            block.put("caption", capped(caption, "gallery caption", MAX_TEXT));
        }
        add(block);
    }

    private void image(Element img) {
        if (img.hasClass("emoji") || img.hasClass("wp-smiley")) {
            // WordPress's emoji images: the character is their alt text.
            paragraph.text(img.attr("alt"), sortedMarks(), href);
            return;
        }
        flush();
        imageRef(img, null).ifPresent(image -> add(imageBlock(image)));
    }

    private static ObjectNode imageBlock(ObjectNode image) {
        ObjectNode block = block("image");
        block.set("image", image);
        return block;
    }

    /** A cover block of older WordPress: its image is the container's CSS background, an image block before its text. */
    private void backgroundImage(Element element) {
        Matcher background = BACKGROUND.matcher(element.attr("style"));
        if (background.find()) {
            imageJson(resolve(background.group(1).strip()), null, null, null).ifPresent(image -> add(imageBlock(image)));
        }
    }

    private Optional<ObjectNode> imageRef(Element img, String caption) {
        Attachments.Attachment attachment = null;
        Matcher id = ATTACHMENT_CLASS.matcher(img.className());
        if (id.find()) {
            attachment = attachments.get(Long.parseLong(id.group(1)));
        } else if (img.hasAttr("data-id")) {
            try {
                attachment = attachments.get(Long.parseLong(img.attr("data-id").strip()));
            } catch (NumberFormatException e) {
                // not an id
            }
        }
        if (attachment == null && pendingAttachment != null) {
            attachment = attachments.get(pendingAttachment);
        }
        String src = img.attr("src").strip();
        if (src.isBlank()) {
            src = img.attr("data-src").strip();
        }
        return imageJson(src.isBlank() ? null : resolve(src), attachment, nonBlank(img.attr("alt")) ? img.attr("alt") : null, caption);
    }

    private Optional<ObjectNode> imageJson(String src, Attachments.Attachment attachment, String alt, String caption) {
        Media.Found found = media.find(src, attachment);
        String shown = src != null ? src : attachment != null ? attachment.url() : "(no source)";
        if (found.file() == null) {
            recordMissing(shown + " (" + found.missing() + ")");
            return Optional.empty();
        }
        ObjectNode image = Json.MAPPER.createObjectNode();
        image.put("file", found.file());
        String altText = firstNonBlank(alt, attachment == null ? null : attachment.alt(), caption,
                attachment == null ? null : attachment.title(), words(found.file()));
        image.put("alt", capped(altText.strip(), "image alt text", MAX_TEXT));
        if (caption != null && !caption.isBlank()) {
            image.put("caption", capped(caption.strip(), "image caption", MAX_TEXT));
        }
        return Optional.of(image);
    }

    private void recordMissing(String what) {
        missing.add(what);
        losses.add("image left out: " + what);
    }

    /** The file name's words: the alt text of last resort ("2016/09/harbour-at-dawn.jpg" is "harbour at dawn"). */
    private static String words(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.[A-Za-z0-9]+$", "");
        String words = name.replaceAll("[-_]+", " ").strip();
        return words.isEmpty() ? "image" : words;
    }

    private void media(Element element) {
        String src = element.attr("src");
        if (src.isBlank()) {
            Element source = element.selectFirst("source[src]");
            src = source == null ? "" : source.attr("src");
        }
        embedOrLink(src.isBlank() ? null : resolve(src), null, "<" + element.normalName() + ">");
    }

    private void embedOrLink(String url, String caption, String what) {
        if (url == null || url.isBlank()) {
            losses.add(what + " without a URL left out");
            return;
        }
        String resolved = resolve(url.strip());
        Optional<Embeds.Embed> embed = Embeds.of(resolved);
        if (embed.isPresent()) {
            add(embed(embed.get(), caption));
            return;
        }
        // No known provider: the URL stays, as a link.
        losses.add(what + " of " + resolved + " kept as a link (not a known embed provider)");
        String link = resolved != null && Links.isHref(resolved) ? resolved : null;
        ObjectNode block = textBlock("paragraph", List.of(new Spans.Span(resolved == null ? url : resolved, List.of(), link)));
        add(block);
        if (caption != null) {
            add(textBlock("paragraph", List.of(new Spans.Span(caption, List.of(), null))));
        }
    }

    private ObjectNode embed(Embeds.Embed embed, String caption) {
        ObjectNode block = block("embed");
        block.put("provider", embed.provider());
        block.put("url", embed.url());
        if (caption != null && !caption.isBlank()) {
            block.put("caption", capped(caption, "embed caption", MAX_TEXT));
        }
        return block;
    }

    // ---- links and text ----

    /** An absolute http, https or mailto link, resolved against the post's URL; null (the text kept, the loss noted) otherwise. */
    private String link(String value, String text) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String resolved = resolve(value.strip());
        if (resolved != null && Links.isHref(resolved)) {
            return resolved;
        }
        losses.add("link " + value.strip() + " on \"" + clip(text) + "\" kept as text (a link is an absolute http, https or mailto URL)");
        return null;
    }

    private String resolve(String value) {
        try {
            URI uri = URI.create(value.replace(" ", "%20"));
            if (uri.isAbsolute()) {
                return value;
            }
            if (base == null) {
                return null;
            }
            if (value.startsWith("//")) {
                return (base.getScheme() == null ? "https" : base.getScheme()) + ":" + value;
            }
            return base.resolve(uri).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private ObjectNode textBlock(String type, List<Spans.Span> spans) {
        ObjectNode block = block(type);
        putContent(block, spans);
        return block;
    }

    /** {@code "text"} when the spans are plain, else {@code "content"}. */
    private static void putContent(ObjectNode node, List<Spans.Span> spans) {
        if (Spans.isPlain(spans)) {
            node.put("text", Spans.plain(spans));
        } else {
            node.set("content", Spans.json(spans));
        }
    }

    private static ObjectNode block(String type) {
        ObjectNode block = Json.MAPPER.createObjectNode();
        block.put("type", type);
        return block;
    }

    private String capped(String text, String what, int max) {
        if (text.length() <= max) {
            return text;
        }
        losses.add(what + " shortened to " + max + " characters");
        return text.substring(0, max - 1).stripTrailing() + "…";
    }

    private static boolean nonBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (nonBlank(value)) {
                return Jsoup.parse(value).text();
            }
        }
        return "image";
    }

    private static String clip(String text) {
        String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 39) + "…";
    }
}
