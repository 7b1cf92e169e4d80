package dev.broadsheet.articles.model;

/** A byline: the name shown, and a slug a frontend can link an author page by. */
public record Author(String name, String slug) {
}
