package dev.broadsheet.articles.handler;

import dev.broadsheet.core.HtmlText;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;

import java.util.List;

/**
 * An article body as HTML, for the feed's {@code content:encoded}: every text of the blocks is
 * plain text and is escaped here, so the HTML holds only the tags written below (a feed reader
 * displays it as the article). Images point at this API's stable image URLs.
 */
final class BodyHtml {

    private BodyHtml() {
    }

    static String render(List<Block> body, String apiBaseUrl) {
        StringBuilder html = new StringBuilder();
        for (Block block : body) {
            switch (block.type()) {
                case "heading" -> html.append("<h2>").append(text(block.text())).append("</h2>");
                case "quote" -> {
                    html.append("<blockquote><p>").append(text(block.text())).append("</p>");
                    if (block.attribution() != null) {
                        html.append("<cite>").append(text(block.attribution())).append("</cite>");
                    }
                    html.append("</blockquote>");
                }
                case "image" -> figure(html, block.image(), apiBaseUrl);
                // A paragraph, or a block type this renderer does not know yet: its text is never dropped.
                default -> {
                    if (block.text() != null) {
                        html.append("<p>").append(text(block.text())).append("</p>");
                    }
                }
            }
            html.append('\n');
        }
        return html.toString();
    }

    private static void figure(StringBuilder html, Image image, String apiBaseUrl) {
        if (image == null) {
            return;
        }
        html.append("<figure><img src=\"").append(HtmlText.escape(ArticleViews.imageUrl(image, apiBaseUrl)))
                .append("\" alt=\"").append(HtmlText.escape(image.alt() == null ? "" : image.alt())).append('"');
        if (image.width() > 0 && image.height() > 0) {
            html.append(" width=\"").append(image.width()).append("\" height=\"").append(image.height()).append('"');
        }
        html.append('>');
        String caption = caption(image);
        if (caption != null) {
            html.append("<figcaption>").append(HtmlText.escape(caption)).append("</figcaption>");
        }
        html.append("</figure>");
    }

    /** Caption and credit as one line, as the article page prints them. */
    static String caption(Image image) {
        if (image.caption() == null) {
            return image.credit();
        }
        return image.credit() == null ? image.caption() : image.caption() + " (" + image.credit() + ")";
    }

    /** Plain text as HTML: escaped, its line breaks kept as {@code <br>}. */
    private static String text(String text) {
        return HtmlText.escape(text).replace("\n", "<br>");
    }
}
