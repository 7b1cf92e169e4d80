package dev.broadsheet.images.dao;

import dev.broadsheet.images.model.ArticleImage;

import java.util.List;
import java.util.Optional;

/** The images of published articles: the only thing the images function may learn from the articles table. */
public interface ArticleImageRepository {

    /** The article's images (hero first, then body images in order); empty when the article is missing or not published. */
    Optional<List<ArticleImage>> publishedImages(String slug);
}
