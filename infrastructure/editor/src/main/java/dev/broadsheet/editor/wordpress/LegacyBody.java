package dev.broadsheet.editor.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.core.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * The body for an editor that takes only paragraph, heading, quote and image blocks of plain text:
 * every other block's text kept as paragraphs, each flattening a loss.
 */
final class LegacyBody {

    private LegacyBody() {
    }

    static ArrayNode downgrade(JsonNode body, List<String> losses) {
        ArrayNode legacy = Json.MAPPER.createArrayNode();
        List<String> flattened = new ArrayList<>();
        for (JsonNode block : body) {
            String type = block.path("type").asText();
            switch (type) {
                case "paragraph", "heading", "quote" -> {
                    ObjectNode plain = legacy.addObject().put("type", type).put("text", text(block));
                    if (block.has("attribution")) {
                        plain.put("attribution", block.get("attribution").asText());
                    }
                    if (block.has("content") || block.has("level") || block.has("cite")) {
                        flattened.add(type);
                    }
                }
                case "image" -> legacy.add(block);
                case "gallery" -> {
                    block.path("images").forEach(image -> legacy.addObject().put("type", "image").set("image", image));
                    flattened.add(type);
                }
                case "separator" -> flattened.add(type);
                default -> {
                    legacy.addObject().put("type", "paragraph").put("text", text(block));
                    flattened.add(type);
                }
            }
        }
        if (!flattened.isEmpty()) {
            losses.add("this editor takes plain paragraphs, headings, quotes and images only: kept as plain text: "
                    + String.join(", ", flattened.stream().distinct().sorted().toList()));
        }
        return legacy;
    }

    private static String text(JsonNode block) {
        if (block.has("text")) {
            return block.get("text").asText();
        }
        StringBuilder text = new StringBuilder();
        if (block.has("content")) {
            block.get("content").forEach(span -> text.append(span.path("break").asBoolean() ? "\n" : span.path("text").asText()));
        } else if (block.has("items")) {
            block.get("items").forEach(item -> text.append(text.isEmpty() ? "" : "\n").append("• ").append(item.isTextual()
                    ? item.asText() : text(item)));
        } else if (block.has("rows")) {
            List<JsonNode> rows = new ArrayList<>();
            if (block.has("header")) {
                rows.add(block.get("header"));
            }
            block.get("rows").forEach(rows::add);
            for (JsonNode row : rows) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.isTextual() ? cell.asText() : text(cell)));
                text.append(text.isEmpty() ? "" : "\n").append(String.join("\t", cells));
            }
        } else if (block.has("url")) {
            text.append(block.path("caption").asText("")).append(block.has("caption") ? "\n" : "").append(block.get("url").asText());
        }
        return text.toString();
    }
}
