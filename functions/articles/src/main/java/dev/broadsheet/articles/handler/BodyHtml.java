package dev.broadsheet.articles.handler;

import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Block.Cell;
import dev.broadsheet.articles.model.Block.ListBlock;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.Links;
import dev.broadsheet.articles.model.Mark;
import dev.broadsheet.articles.model.Span;
import dev.broadsheet.core.HtmlText;

import java.util.List;

/**
 * An article body as HTML, for the feed's {@code content:encoded}. Every text of the blocks is
 * plain text and is escaped here, and a link is written only when {@link Links} allows it (else its
 * text stays, unlinked), so the HTML holds only the elements written below, whatever the stored
 * strings say. Images point at this API's stable image URLs; an embed is a link to the post.
 */
final class BodyHtml {

    private BodyHtml() {
    }

    static String render(List<Block> body, String apiBaseUrl) {
        StringBuilder html = new StringBuilder();
        for (Block block : body) {
            block(html, block, apiBaseUrl);
            html.append('\n');
        }
        return html.toString();
    }

    private static void block(StringBuilder html, Block block, String apiBaseUrl) {
        if (block instanceof Block.Paragraph paragraph) {
            element(html, "p", paragraph.content());
        } else if (block instanceof Block.Heading heading) {
            int level = Math.max(Block.Heading.MIN_LEVEL, Math.min(Block.Heading.MAX_LEVEL, heading.level()));
            element(html, "h" + level, heading.content());
        } else if (block instanceof Block.Quote quote) {
            html.append("<blockquote");
            if (Links.isWebUrl(quote.cite())) {
                html.append(" cite=\"").append(HtmlText.escape(quote.cite())).append('"');
            }
            html.append('>');
            element(html, "p", quote.content());
            if (quote.attribution() != null) {
                html.append("<cite>").append(HtmlText.escape(quote.attribution())).append("</cite>");
            }
            html.append("</blockquote>");
        } else if (block instanceof ListBlock list) {
            list(html, list);
        } else if (block instanceof Block.Code code) {
            html.append("<pre><code");
            if (code.language() != null) {
                html.append(" class=\"language-").append(HtmlText.escape(code.language())).append('"');
            }
            html.append('>').append(HtmlText.escape(code.text())).append("</code></pre>");
        } else if (block instanceof Block.Table table) {
            table(html, table);
        } else if (block instanceof Block.ImageBlock image) {
            html.append("<figure>");
            img(html, image.image(), apiBaseUrl);
            figcaption(html, caption(image.image()));
            html.append("</figure>");
        } else if (block instanceof Block.Gallery gallery) {
            html.append("<figure>");
            for (Image image : gallery.images()) {
                html.append("<figure>");
                img(html, image, apiBaseUrl);
                figcaption(html, caption(image));
                html.append("</figure>");
            }
            figcaption(html, gallery.caption());
            html.append("</figure>");
        } else if (block instanceof Block.Embed embed) {
            // The provider's own player is the reader's choice: the feed links to the post.
            html.append("<p>").append(HtmlText.escape(embed.provider().displayName())).append(": ");
            link(html, embed.url(), HtmlText.escape(embed.caption() != null ? embed.caption() : embed.url()));
            html.append("</p>");
        } else if (block instanceof Block.Separator) {
            html.append("<hr>");
        }
    }

    private static void list(StringBuilder html, ListBlock list) {
        String tag = list.ordered() ? "ol" : "ul";
        html.append('<').append(tag).append('>');
        for (Block.ListItem item : list.items()) {
            html.append("<li>");
            spans(html, item.content());
            if (item.list() != null) {
                list(html, item.list());
            }
            html.append("</li>");
        }
        html.append("</").append(tag).append('>');
    }

    private static void table(StringBuilder html, Block.Table table) {
        html.append("<table>");
        if (table.caption() != null) {
            html.append("<caption>").append(HtmlText.escape(table.caption())).append("</caption>");
        }
        if (!table.header().isEmpty()) {
            html.append("<thead>");
            row(html, table.header(), "th");
            html.append("</thead>");
        }
        html.append("<tbody>");
        table.rows().forEach(row -> row(html, row, "td"));
        html.append("</tbody></table>");
    }

    private static void row(StringBuilder html, List<Cell> cells, String tag) {
        html.append("<tr>");
        cells.forEach(cell -> element(html, tag, cell.content()));
        html.append("</tr>");
    }

    private static void element(StringBuilder html, String tag, List<Span> content) {
        html.append('<').append(tag).append('>');
        spans(html, content);
        html.append("</").append(tag).append('>');
    }

    /** Spans as HTML: marks nested in canonical order inside the link. */
    private static void spans(StringBuilder html, List<Span> content) {
        for (Span span : content) {
            if (span instanceof Span.Text text) {
                StringBuilder marked = new StringBuilder();
                text.marks().forEach(mark -> marked.append('<').append(mark.id()).append('>'));
                marked.append(HtmlText.escape(text.text()));
                for (int i = text.marks().size() - 1; i >= 0; i--) {
                    Mark mark = text.marks().get(i);
                    marked.append("</").append(mark.id()).append('>');
                }
                link(html, text.href(), marked.toString());
            } else {
                html.append("<br>");
            }
        }
    }

    /** {@code inner} (HTML) as a link to {@code href}; without the link when there is none or it is not allowed. */
    private static void link(StringBuilder html, String href, String inner) {
        if (href != null && Links.isHref(href)) {
            html.append("<a href=\"").append(HtmlText.escape(href)).append("\">").append(inner).append("</a>");
        } else {
            html.append(inner);
        }
    }

    private static void img(StringBuilder html, Image image, String apiBaseUrl) {
        html.append("<img src=\"").append(HtmlText.escape(ArticleViews.imageUrl(image, apiBaseUrl)))
                .append("\" alt=\"").append(HtmlText.escape(image.alt() == null ? "" : image.alt())).append('"');
        if (image.width() > 0 && image.height() > 0) {
            html.append(" width=\"").append(image.width()).append("\" height=\"").append(image.height()).append('"');
        }
        html.append('>');
    }

    private static void figcaption(StringBuilder html, String caption) {
        if (caption != null) {
            html.append("<figcaption>").append(HtmlText.escape(caption)).append("</figcaption>");
        }
    }

    /** Caption and credit as one line, as the article page prints them. */
    static String caption(Image image) {
        if (image.caption() == null) {
            return image.credit();
        }
        return image.credit() == null ? image.caption() : image.caption() + " (" + image.credit() + ")";
    }
}
