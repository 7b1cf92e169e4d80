package dev.broadsheet.editor.wordpress;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The copy of {@code wp-content/uploads} given with {@code --uploads}: an image URL of the export
 * is found there by its path after {@code /uploads/} (or its whole {@code /YYYY/MM/name} path, as
 * WordPress.com serves uploads). A resized copy WordPress made
 * ({@code photo-300x200.jpg}) is taken as its original ({@code photo.jpg}) when that is there, else
 * as it is. Nothing outside the folder is ever read.
 */
public final class Uploads {

    private static final String MARKER = "/uploads/";
    private static final Pattern DATED = Pattern.compile("/(\\d{4}/\\d{2}/[^/]+)");
    private static final Pattern RESIZED = Pattern.compile("(.+)-\\d{1,5}x\\d{1,5}(\\.[A-Za-z0-9]{2,5})");

    private final Path folder;

    /** @param folder null when no {@code --uploads} was given: nothing is found */
    public Uploads(Path folder) {
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
    }

    public Path folder() {
        return folder;
    }

    /** The path after {@code /uploads/} of an image URL, percent-decoded; empty when the URL has none. */
    public static Optional<String> relativePath(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String path;
        try {
            path = URI.create(url.strip().replace(" ", "%20")).getRawPath();
        } catch (IllegalArgumentException e) {
            path = url;
        }
        if (path == null) {
            return Optional.empty();
        }
        int at = path.lastIndexOf(MARKER);
        Matcher dated = DATED.matcher(path);
        String raw;
        if (at >= 0) {
            raw = path.substring(at + MARKER.length());
        } else if (dated.matches()) {
            // WordPress.com serves uploads from its own host without /uploads/: https://site.files.wordpress.com/2016/09/a.jpg
            raw = dated.group(1);
        } else {
            return Optional.empty();
        }
        String relative = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        return relative.isBlank() ? Optional.empty() : Optional.of(relative);
    }

    /**
     * The file for a path under {@code uploads/} (as {@link #relativePath} or {@code _wp_attached_file}
     * gives it), relative to the folder: the original of a resized copy first.
     */
    public Optional<String> find(String relative) {
        if (folder == null || relative == null || relative.isBlank()) {
            return Optional.empty();
        }
        Matcher resized = RESIZED.matcher(relative);
        if (resized.matches()) {
            Optional<String> original = existing(resized.group(1) + resized.group(2));
            if (original.isPresent()) {
                return original;
            }
        }
        return existing(relative);
    }

    private Optional<String> existing(String relative) {
        Path file = folder.resolve(relative).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(folder.relativize(file).toString());
    }
}
