package dev.broadsheet.articles.model;

import java.util.List;

/**
 * Minutes a reader takes over an article's text: the words of its text blocks' plain-text forms
 * (paragraphs, headings, quotes and their attributions, lists, tables, code) at 230 a minute,
 * rounded up, at least 1. Images, galleries and embeds are looked at, not read: not counted.
 */
public final class ReadingTime {

    /** Adult silent reading of non-fiction in English (Brysbaert 2019, 238 wpm), rounded down a little. */
    static final int WORDS_PER_MINUTE = 230;

    private ReadingTime() {
    }

    public static int minutes(List<Block> body) {
        long words = body.stream().filter(block -> block.images().isEmpty() && !(block instanceof Block.Embed))
                .mapToLong(block -> words(block.text()) + (block instanceof Block.Quote quote ? words(quote.attribution()) : 0))
                .sum();
        return (int) Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }

    static long words(String text) {
        if (text == null) {
            return 0;
        }
        long words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
