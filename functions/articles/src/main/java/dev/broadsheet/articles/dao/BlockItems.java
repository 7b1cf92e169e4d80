package dev.broadsheet.articles.dao;

import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Block.Cell;
import dev.broadsheet.articles.model.Block.ListBlock;
import dev.broadsheet.articles.model.Block.ListItem;
import dev.broadsheet.articles.model.EmbedProvider;
import dev.broadsheet.articles.model.Links;
import dev.broadsheet.articles.model.Mark;
import dev.broadsheet.articles.model.Span;
import dev.broadsheet.core.schema.Items;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.broadsheet.core.schema.ArticleSchema.*;
import static dev.broadsheet.core.schema.Items.bool;
import static dev.broadsheet.core.schema.Items.n;
import static dev.broadsheet.core.schema.Items.number;
import static dev.broadsheet.core.schema.Items.putIfPresent;
import static dev.broadsheet.core.schema.Items.s;
import static dev.broadsheet.core.schema.Items.string;

/**
 * Body blocks as maps of the article item ({@code body}, a list) and back: the field names of the
 * API's JSON, without the plain-text forms, which are derived on read. Blocks stored before spans
 * ({@code text} only, headings without {@code level}) are read in the current shape.
 */
final class BlockItems {

    private BlockItems() {
    }

    static AttributeValue toItem(Block block) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(BLOCK_TYPE, s(block.type()));
        if (block instanceof Block.Paragraph paragraph) {
            item.put(BLOCK_CONTENT, content(paragraph.content()));
        } else if (block instanceof Block.Heading heading) {
            item.put(BLOCK_LEVEL, n(heading.level()));
            item.put(BLOCK_CONTENT, content(heading.content()));
        } else if (block instanceof Block.Quote quote) {
            item.put(BLOCK_CONTENT, content(quote.content()));
            putIfPresent(item, BLOCK_ATTRIBUTION, quote.attribution());
            putIfPresent(item, BLOCK_CITE, quote.cite());
        } else if (block instanceof ListBlock list) {
            item.putAll(list(list));
        } else if (block instanceof Block.Code code) {
            item.put(BLOCK_TEXT, s(code.text()));
            putIfPresent(item, BLOCK_LANGUAGE, code.language());
        } else if (block instanceof Block.Table table) {
            putIfPresent(item, BLOCK_CAPTION, table.caption());
            if (!table.header().isEmpty()) {
                item.put(BLOCK_HEADER, cells(table.header()));
            }
            item.put(BLOCK_ROWS, AttributeValue.fromL(table.rows().stream().map(BlockItems::cells).toList()));
        } else if (block instanceof Block.ImageBlock image) {
            item.put(BLOCK_IMAGE, AttributeValue.fromM(ArticleItems.imageItem(image.image(), true)));
        } else if (block instanceof Block.Gallery gallery) {
            item.put(BLOCK_IMAGES, AttributeValue.fromL(gallery.images().stream()
                    .map(image -> AttributeValue.fromM(ArticleItems.imageItem(image, true))).toList()));
            putIfPresent(item, BLOCK_CAPTION, gallery.caption());
        } else if (block instanceof Block.Embed embed) {
            item.put(BLOCK_PROVIDER, s(embed.provider().id()));
            item.put(BLOCK_URL, s(embed.url()));
            putIfPresent(item, BLOCK_CAPTION, embed.caption());
        }
        // A separator is its type alone.
        return AttributeValue.fromM(item);
    }

    static Block fromItem(Map<String, AttributeValue> item) {
        String type = Objects.requireNonNullElse(string(item, BLOCK_TYPE), "paragraph");
        switch (type) {
            case "heading":
                return new Block.Heading(item.containsKey(BLOCK_LEVEL) ? (int) number(item, BLOCK_LEVEL) : Block.Heading.DEFAULT_LEVEL,
                        content(item));
            case "quote":
                return new Block.Quote(content(item), string(item, BLOCK_ATTRIBUTION), string(item, BLOCK_CITE));
            case "list":
                return list(item);
            case "code":
                return new Block.Code(Objects.requireNonNullElse(string(item, BLOCK_TEXT), ""), string(item, BLOCK_LANGUAGE));
            case "table":
                return new Block.Table(string(item, BLOCK_CAPTION), item.containsKey(BLOCK_HEADER) ? cells(item.get(BLOCK_HEADER)) : List.of(),
                        item.containsKey(BLOCK_ROWS) ? item.get(BLOCK_ROWS).l().stream().map(BlockItems::cells).toList() : List.of());
            case "image":
                return new Block.ImageBlock(ArticleItems.image(item.get(BLOCK_IMAGE).m()));
            case "gallery":
                return new Block.Gallery(item.get(BLOCK_IMAGES).l().stream().map(image -> ArticleItems.image(image.m())).toList(),
                        string(item, BLOCK_CAPTION));
            case "embed":
                EmbedProvider provider = EmbedProvider.of(string(item, BLOCK_PROVIDER));
                if (provider != null) {
                    return new Block.Embed(provider, string(item, BLOCK_URL), string(item, BLOCK_CAPTION));
                }
                // A provider since taken off the list: the post is still linked to, as a paragraph.
                String url = string(item, BLOCK_URL);
                return new Block.Paragraph(List.of(new Span.Text(url, List.of(), Links.isHref(url) ? url : null)));
            case "separator":
                return new Block.Separator();
            default:
                // A paragraph, or a type this code does not know: its content is kept.
                return new Block.Paragraph(content(item));
        }
    }

    private static Map<String, AttributeValue> list(ListBlock list) {
        return Map.of(BLOCK_ORDERED, bool(list.ordered()), BLOCK_ITEMS, AttributeValue.fromL(list.items().stream().map(listItem -> {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(BLOCK_CONTENT, content(listItem.content()));
            if (listItem.list() != null) {
                item.put(BLOCK_ITEM_LIST, AttributeValue.fromM(list(listItem.list())));
            }
            return AttributeValue.fromM(item);
        }).toList()));
    }

    private static ListBlock list(Map<String, AttributeValue> item) {
        List<ListItem> items = item.containsKey(BLOCK_ITEMS) ? item.get(BLOCK_ITEMS).l().stream().map(value -> new ListItem(
                content(value.m()), value.m().containsKey(BLOCK_ITEM_LIST) ? list(value.m().get(BLOCK_ITEM_LIST).m()) : null)).toList()
                : List.of();
        return new ListBlock(Items.bool(item, BLOCK_ORDERED, false), items);
    }

    private static AttributeValue cells(List<Cell> cells) {
        return AttributeValue.fromL(cells.stream().map(cell -> AttributeValue.fromM(Map.of(BLOCK_CONTENT, content(cell.content()))))
                .toList());
    }

    private static List<Cell> cells(AttributeValue row) {
        return row.l().stream().map(cell -> new Cell(content(cell.m()))).toList();
    }

    private static AttributeValue content(List<Span> content) {
        return AttributeValue.fromL(content.stream().map(span -> {
            if (span instanceof Span.Text text) {
                Map<String, AttributeValue> item = new HashMap<>();
                item.put(SPAN_TEXT, s(text.text()));
                if (!text.marks().isEmpty()) {
                    item.put(SPAN_MARKS, AttributeValue.fromL(text.marks().stream().map(mark -> s(mark.id())).toList()));
                }
                putIfPresent(item, SPAN_HREF, text.href());
                return AttributeValue.fromM(item);
            }
            return AttributeValue.fromM(Map.of(SPAN_BREAK, bool(true)));
        }).toList());
    }

    /** The content of a block, item or cell; from {@code text} for what was stored before spans. */
    private static List<Span> content(Map<String, AttributeValue> item) {
        if (!item.containsKey(BLOCK_CONTENT)) {
            return Span.plain(Objects.requireNonNullElse(string(item, BLOCK_TEXT), ""));
        }
        return item.get(BLOCK_CONTENT).l().stream().map(value -> {
            Map<String, AttributeValue> span = value.m();
            if (span.containsKey(SPAN_BREAK)) {
                return (Span) new Span.Break();
            }
            List<Mark> marks = span.containsKey(SPAN_MARKS) ? span.get(SPAN_MARKS).l().stream().map(mark -> Mark.of(mark.s()))
                    .filter(Objects::nonNull).toList() : List.of();
            return new Span.Text(string(span, SPAN_TEXT), marks, string(span, SPAN_HREF));
        }).toList();
    }
}
