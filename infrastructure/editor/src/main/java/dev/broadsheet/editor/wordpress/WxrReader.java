package dev.broadsheet.editor.wordpress;

import dev.broadsheet.editor.EditorException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a WXR file with StAX, one item at a time: only the item being read is in memory, so an
 * export of any size is read in the same few megabytes. Elements are matched by namespace and
 * local name, whatever prefix the file uses; the {@code wp:} and {@code excerpt:} namespaces of
 * WXR 1.0, 1.1 and 1.2 ({@code http://} or {@code https://wordpress.org/export/1.x/}) are all
 * accepted. External entities and DTDs are not resolved.
 */
public final class WxrReader {

    /** The post meta the importer uses: the featured image, an attachment's file and alt text. */
    public static final Set<String> KEPT_META = Set.of("_thumbnail_id", "_wp_attached_file", "_wp_attachment_image_alt");

    private static final Pattern WP = Pattern.compile("https?://wordpress\\.org/export/1\\.\\d+/");
    private static final Pattern EXCERPT = Pattern.compile("https?://wordpress\\.org/export/1\\.\\d+/excerpt/");
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    private enum Space { NONE, WP, EXCERPT, CONTENT, DC, OTHER }

    private final Path file;

    public WxrReader(Path file) {
        this.file = file;
    }

    /**
     * Reads the whole file: the channel's header once (before the first item, or at the end when
     * there is none), then each item in file order.
     *
     * @throws EditorException when the file cannot be read or is not a WordPress export
     */
    public Wxr.Channel read(Consumer<Wxr.Channel> channel, Consumer<Wxr.Item> items) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                return readDocument(xml, channel, items);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber();
            throw new EditorException(file + " is not well-formed XML" + where + ": " + message(e));
        } catch (IOException e) {
            throw new EditorException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private Wxr.Channel readDocument(XMLStreamReader xml, Consumer<Wxr.Channel> channelConsumer, Consumer<Wxr.Item> items)
            throws XMLStreamException {
        if (xml.nextTag() != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("rss")) {
            throw new EditorException(file + " is not a WordPress export: its root element is <" + xml.getLocalName()
                    + ">, not <rss> (export one with Tools → Export in WordPress)");
        }
        String version = null;
        String baseSite = null;
        String baseBlog = null;
        String link = null;
        boolean sawWordPress = false;
        Map<String, String> authors = new LinkedHashMap<>();
        Wxr.Channel channel = null;
        int depth = 1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            Space space = space(xml.getNamespaceURI());
            String name = xml.getLocalName();
            if (depth == 2) {
                continue; // <channel>
            }
            if (space == Space.NONE && name.equals("item")) {
                if (channel == null) {
                    channel = channel(version, baseBlog, baseSite, link, authors, sawWordPress);
                    channelConsumer.accept(channel);
                }
                items.accept(item(xml));
                depth--;
                continue;
            }
            if (space == Space.WP) {
                sawWordPress = true;
            }
            if (space == Space.WP && name.equals("wxr_version")) {
                version = text(xml);
            } else if (space == Space.WP && name.equals("base_site_url")) {
                baseSite = text(xml);
            } else if (space == Space.WP && name.equals("base_blog_url")) {
                baseBlog = text(xml);
            } else if (space == Space.NONE && name.equals("link") && depth == 3) {
                link = text(xml);
            } else if (space == Space.WP && name.equals("author")) {
                Map<String, String> fields = fields(xml);
                String login = fields.get("author_login");
                String display = fields.get("author_display_name");
                if (login != null && !login.isBlank()) {
                    authors.put(login, display == null || display.isBlank() ? login : display);
                }
            } else {
                skip(xml);
            }
            depth--;
        }
        if (channel == null) {
            channel = channel(version, baseBlog, baseSite, link, authors, sawWordPress);
            channelConsumer.accept(channel);
        }
        return channel;
    }

    private Wxr.Channel channel(String version, String baseBlog, String baseSite, String link, Map<String, String> authors,
                                boolean sawWordPress) {
        if (!sawWordPress) {
            throw new EditorException(file + " is an RSS file but not a WordPress export: it has no wp:wxr_version or other"
                    + " element of the namespace http://wordpress.org/export/1.x/ (export one with Tools → Export in WordPress)");
        }
        String site = firstPresent(baseBlog, baseSite, link);
        return new Wxr.Channel(version, site, Map.copyOf(authors));
    }

    private Wxr.Item item(XMLStreamReader xml) throws XMLStreamException {
        String title = null;
        String link = null;
        String creator = null;
        String content = null;
        String excerpt = null;
        Map<String, String> wp = new HashMap<>();
        List<Wxr.Term> terms = new ArrayList<>();
        Map<String, String> meta = new HashMap<>();
        List<Wxr.Comment> comments = new ArrayList<>();
        while (nextElement(xml) == XMLStreamConstants.START_ELEMENT) {
            Space space = space(xml.getNamespaceURI());
            String name = xml.getLocalName();
            switch (space) {
                case NONE -> {
                    switch (name) {
                        case "title" -> title = text(xml);
                        case "link" -> link = text(xml).strip();
                        case "category" -> {
                            String domain = xml.getAttributeValue(null, "domain");
                            String nicename = xml.getAttributeValue(null, "nicename");
                            terms.add(new Wxr.Term(domain, nicename, text(xml)));
                        }
                        default -> skip(xml);
                    }
                }
                case DC -> {
                    if (name.equals("creator")) {
                        creator = text(xml).strip();
                    } else {
                        skip(xml);
                    }
                }
                case CONTENT -> {
                    if (name.equals("encoded")) {
                        content = text(xml);
                    } else {
                        skip(xml);
                    }
                }
                case EXCERPT -> {
                    if (name.equals("encoded")) {
                        excerpt = text(xml);
                    } else {
                        skip(xml);
                    }
                }
                case WP -> {
                    switch (name) {
                        case "postmeta" -> {
                            Map<String, String> fields = fields(xml);
                            String key = fields.get("meta_key");
                            if (key != null && KEPT_META.contains(key)) {
                                meta.put(key, fields.getOrDefault("meta_value", ""));
                            }
                        }
                        case "comment" -> comments.add(comment(xml));
                        // Single values: white space around them is the file's layout (some exporters indent).
                        default -> wp.put(name, text(xml).strip());
                    }
                }
                default -> skip(xml);
            }
        }
        return new Wxr.Item(title == null ? "" : title, link, creator, content == null ? "" : content,
                excerpt == null ? "" : excerpt, number(wp.get("post_id")), wp.get("post_date"), wp.get("post_date_gmt"),
                wp.get("comment_status"), wp.getOrDefault("post_name", ""), wp.getOrDefault("status", ""),
                number(wp.get("post_parent")), wp.getOrDefault("post_type", "post"), wp.getOrDefault("post_password", ""),
                wp.get("attachment_url"), terms, meta, comments);
    }

    private Wxr.Comment comment(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> f = fields(xml);
        return new Wxr.Comment(number(f.get("comment_id")), f.getOrDefault("comment_author", ""),
                f.getOrDefault("comment_author_email", ""), f.getOrDefault("comment_author_url", ""),
                f.get("comment_date"), f.get("comment_date_gmt"), f.getOrDefault("comment_content", ""),
                f.getOrDefault("comment_approved", ""), f.getOrDefault("comment_type", ""), number(f.get("comment_parent")));
    }

    /** The text of each child element by local name (an element with children of its own, such as commentmeta, is skipped). */
    private static Map<String, String> fields(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        while (nextElement(xml) == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            if (name.equals("commentmeta") || name.equals("termmeta")) {
                skip(xml);
            } else {
                fields.put(name, text(xml));
            }
        }
        return fields;
    }

    /** The element's text (CDATA included); child elements, which WXR text fields do not have, are skipped. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> {
                    if (depth == 1) {
                        text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                }
            }
        }
        return text.toString();
    }

    /**
     * The next start or end tag. Text between an item's fields is skipped, not an error: exports
     * edited by hand or by plugins have stray characters there (WordPress's own test data has a {@code '}).
     */
    private static int nextElement(XMLStreamReader xml) throws XMLStreamException {
        int event = xml.next();
        while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            event = xml.next();
        }
        return event;
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static Space space(String uri) {
        if (uri == null || uri.isEmpty()) {
            return Space.NONE;
        }
        if (WP.matcher(uri).matches()) {
            return Space.WP;
        }
        if (EXCERPT.matcher(uri).matches()) {
            return Space.EXCERPT;
        }
        return switch (uri) {
            case CONTENT -> Space.CONTENT;
            case DC -> Space.DC;
            default -> Space.OTHER;
        };
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** The parser's words without its class names and codes. */
    private static String message(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int detail = message.indexOf("Message: ");
        return detail >= 0 ? message.substring(detail + "Message: ".length()).strip() : message.strip();
    }
}
