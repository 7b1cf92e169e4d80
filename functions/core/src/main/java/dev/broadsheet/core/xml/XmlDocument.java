package dev.broadsheet.core.xml;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an XML document (feeds, sitemaps) with the JDK's StAX writer, which escapes markup
 * characters in text and attributes. What StAX does not do, this does: characters XML 1.0 cannot
 * hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped from every text and
 * attribute, since one of them would make the whole document unreadable to every parser.
 *
 * <p>No library: StAX is in the JDK ({@code java.xml}), so it costs the deployment jar nothing; the
 * default factory is taken directly, without the service lookup {@code newFactory()} does.
 */
public final class XmlDocument {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final StringWriter text = new StringWriter();
    private final XMLStreamWriter out;

    /** A document whose root element is {@code root}, with these namespace declarations (prefix → URI; "" for the default). */
    public XmlDocument(String root, Map<String, String> namespaces) {
        try {
            out = FACTORY.createXMLStreamWriter(text);
            out.writeStartDocument("UTF-8", "1.0");
            out.writeStartElement(root);
            // In prefix order: the same document byte for byte in every JVM (ETags), whatever map is given.
            for (Map.Entry<String, String> namespace : new TreeMap<>(namespaces).entrySet()) {
                if (namespace.getKey().isEmpty()) {
                    out.writeDefaultNamespace(namespace.getValue());
                } else {
                    out.writeNamespace(namespace.getKey(), namespace.getValue());
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot start an XML document", e);
        }
    }

    /** Opens an element ({@code prefix:name} for a declared namespace's prefix); close it with {@link #end}. */
    public XmlDocument start(String name) {
        return write(() -> out.writeStartElement(name));
    }

    public XmlDocument attribute(String name, String value) {
        return write(() -> out.writeAttribute(name, clean(value)));
    }

    /** Text inside the open element. */
    public XmlDocument text(String value) {
        return write(() -> out.writeCharacters(clean(value)));
    }

    public XmlDocument end() {
        return write(out::writeEndElement);
    }

    /** An element holding text; nothing when the text is null. */
    public XmlDocument element(String name, String value) {
        if (value == null) {
            return this;
        }
        return write(() -> {
            out.writeStartElement(name);
            out.writeCharacters(clean(value));
            out.writeEndElement();
        });
    }

    /** Closes every open element and returns the document. */
    public String finish() {
        write(out::writeEndDocument);
        write(out::close);
        return text.toString();
    }

    /** The text without the characters XML 1.0 cannot carry (escaped or not). */
    public static String clean(String value) {
        StringBuilder kept = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed;
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                if (kept != null) {
                    kept.append(c).append(value.charAt(i + 1));
                }
                i++;
                continue;
            }
            allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && kept == null) {
                kept = new StringBuilder(value.length()).append(value, 0, i);
            } else if (allowed && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? value : kept.toString();
    }

    private XmlDocument write(Step step) {
        try {
            step.run();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
    }

    private interface Step {
        void run() throws XMLStreamException;
    }
}
