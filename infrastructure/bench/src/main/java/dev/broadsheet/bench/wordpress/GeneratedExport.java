package dev.broadsheet.bench.wordpress;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A WordPress export (WXR 1.2, as WordPress's exporter writes it: CDATA fields, {@code wp:author}
 * entries, categories and tags on each item) of generated posts without images: each about 3 KB of
 * classic content (paragraphs, a heading, a list, links), in two of 20 common categories, one of 5
 * authors; every {@value #RARE_EVERY}th of the first {@code RARE_COUNT × RARE_EVERY} posts also has
 * the rare tag; every 20th post has an approved comment. Written as a stream.
 */
public final class GeneratedExport {

    public static final String RARE_TAG = "lighthouse-keepers";
    public static final int RARE_COUNT = 10;
    static final int RARE_EVERY = 97;
    static final Instant NEWEST = Instant.parse("2026-11-01T12:00:00Z");
    private static final String WP = "http://wordpress.org/export/1.2/";
    private static final DateTimeFormatter MYSQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[] AUTHORS = {"jdoe", "pnunez", "akowalska", "mchen", "obrien"};
    private static final String[] AUTHOR_NAMES = {"Jane Doe", "Pedro Núñez", "Anna Kowalska", "Mei Chen", "Siobhán O'Brien"};

    private GeneratedExport() {
    }

    public static String slug(int post) {
        return "generated-story-" + post;
    }

    public static boolean isRare(int post) {
        return post % RARE_EVERY == 0 && post / RARE_EVERY < RARE_COUNT;
    }

    /** Writes {@code posts} posts to {@code file}. */
    public static void write(Path file, int posts) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("excerpt", WP + "excerpt/");
            xml.writeNamespace("content", "http://purl.org/rss/1.0/modules/content/");
            xml.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
            xml.writeNamespace("wp", WP);
            xml.writeStartElement("channel");
            text(xml, null, "title", "Generated Gazette");
            text(xml, null, "link", "https://generated.example.org");
            text(xml, WP, "wxr_version", "1.2");
            text(xml, WP, "base_site_url", "https://generated.example.org");
            text(xml, WP, "base_blog_url", "https://generated.example.org");
            for (int i = 0; i < AUTHORS.length; i++) {
                xml.writeStartElement(WP, "author");
                cdata(xml, WP, "author_login", AUTHORS[i]);
                cdata(xml, WP, "author_display_name", AUTHOR_NAMES[i]);
                xml.writeEndElement();
            }
            for (int post = 0; post < posts; post++) {
                item(xml, post);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void item(XMLStreamWriter xml, int post) throws XMLStreamException {
        Instant date = NEWEST.minusSeconds(3_600L * post);
        xml.writeCharacters("\n");
        xml.writeStartElement("item");
        cdata(xml, null, "title", "Generated story " + post + ": the harbour & the council");
        text(xml, null, "link", "https://generated.example.org/" + slug(post) + "/");
        cdata(xml, "http://purl.org/dc/elements/1.1/", "creator", AUTHORS[post % AUTHORS.length]);
        cdata(xml, "http://purl.org/rss/1.0/modules/content/", "encoded", content(post));
        cdata(xml, WP + "excerpt/", "encoded", "Story " + post + " in brief.");
        text(xml, WP, "post_id", Integer.toString(1_000 + post));
        cdata(xml, WP, "post_date", MYSQL.format(date));
        cdata(xml, WP, "post_date_gmt", MYSQL.format(date));
        cdata(xml, WP, "comment_status", "open");
        cdata(xml, WP, "post_name", slug(post));
        cdata(xml, WP, "status", "publish");
        text(xml, WP, "post_parent", "0");
        cdata(xml, WP, "post_type", "post");
        cdata(xml, WP, "post_password", "");
        int first = post % 20;
        int second = (post / 20 + 7) % 20 == first ? (first + 1) % 20 : (post / 20 + 7) % 20;
        for (int tag : new int[] {first, second}) {
            xml.writeStartElement("category");
            xml.writeAttribute("domain", "category");
            xml.writeAttribute("nicename", "section-" + tag);
            xml.writeCData("Section " + tag);
            xml.writeEndElement();
        }
        if (isRare(post)) {
            xml.writeStartElement("category");
            xml.writeAttribute("domain", "post_tag");
            xml.writeAttribute("nicename", RARE_TAG);
            xml.writeCData("Lighthouse keepers");
            xml.writeEndElement();
        }
        if (post % 20 == 0) {
            xml.writeStartElement(WP, "comment");
            text(xml, WP, "comment_id", Integer.toString(100_000 + post));
            cdata(xml, WP, "comment_author", "Reader " + post);
            cdata(xml, WP, "comment_author_email", "reader" + post + "@example.com");
            cdata(xml, WP, "comment_date_gmt", MYSQL.format(date.plusSeconds(600)));
            cdata(xml, WP, "comment_content", "Thanks for story " + post + ".");
            cdata(xml, WP, "comment_approved", "1");
            cdata(xml, WP, "comment_type", "comment");
            text(xml, WP, "comment_parent", "0");
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** About 3 KB of classic content: paragraphs by blank lines, a heading, a list, a link, emphasis. */
    private static String content(int post) {
        String sentence = "The council met on Tuesday to discuss the harbour wall, the ferry timetable and the market";
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < 6; p++) {
            text.append(sentence).append(" (story ").append(post).append(", paragraph ").append(p).append("). ")
                    .append(sentence.toLowerCase(Locale.ROOT)).append(", <em>again</em>. ")
                    .append("Residents said the plans were <a href=\"https://example.org/plans/").append(post)
                    .append("\">published here</a>; others disagreed.\n")
                    .append("A second line of the same paragraph.\n\n");
            if (p == 2) {
                text.append("<h2>What comes next</h2>\n\n<ul>\n<li>A vote in December</li>\n<li>A consultation</li>\n</ul>\n\n");
            }
        }
        return text.toString();
    }

    private static void text(XMLStreamWriter xml, String namespace, String name, String value) throws XMLStreamException {
        element(xml, namespace, name, value, false);
    }

    /** As WordPress writes its text fields: in CDATA. */
    private static void cdata(XMLStreamWriter xml, String namespace, String name, String value) throws XMLStreamException {
        element(xml, namespace, name, value, true);
    }

    private static void element(XMLStreamWriter xml, String namespace, String name, String value, boolean cdata)
            throws XMLStreamException {
        if (namespace == null) {
            xml.writeStartElement(name);
        } else {
            xml.writeStartElement(namespace, name);
        }
        if (cdata) {
            xml.writeCData(value);
        } else {
            xml.writeCharacters(value);
        }
        xml.writeEndElement();
    }
}
