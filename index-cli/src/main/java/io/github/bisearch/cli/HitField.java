package io.github.bisearch.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.bisearch.Hit;
import io.github.bisearch.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/** A column of machine-readable output ({@code --format json|jsonl|tsv}, {@code --fields}). */
enum HitField {
  RANK((hit, rank) -> new JsonPrimitive(rank)),
  SCORE((hit, rank) -> new JsonPrimitive(hit.score())),
  ID((hit, rank) -> new JsonPrimitive(hit.id())),
  TITLE((hit, rank) -> new JsonPrimitive(hit.title())),
  URL((hit, rank) -> hit.url() == null ? JsonNull.INSTANCE : new JsonPrimitive(hit.url())),
  SECTION((hit, rank) -> new JsonPrimitive(hit.section())),
  TEXT((hit, rank) -> new JsonPrimitive(hit.text())),
  SNIPPET(
      (hit, rank) -> new JsonPrimitive(hit.snippet().marked(JsonOutput.OPEN, JsonOutput.CLOSE))),
  SOURCE((hit, rank) -> new JsonPrimitive(hit.source())),
  LINE((hit, rank) -> new JsonPrimitive(hit.line())),
  LANG((hit, rank) -> new JsonPrimitive(hit.language().code())),
  DATE((hit, rank) -> hit.date() == null ? JsonNull.INSTANCE : new JsonPrimitive(hit.date())),
  MATCHED(HitField::matched);

  /** The columns a TSV has when none are chosen. */
  static final List<HitField> TSV_DEFAULT =
      List.of(RANK, SCORE, TITLE, URL, SECTION, SOURCE, LINE, LANG);

  private final BiFunction<Hit, Integer, JsonElement> value;

  HitField(BiFunction<Hit, Integer, JsonElement> value) {
    this.value = value;
  }

  /** The field's name in output: the lower-case constant name. */
  String fieldName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** This field of {@code hit}, ranked {@code rank}, as JSON. */
  JsonElement json(Hit hit, int rank) {
    return value.apply(hit, rank);
  }

  /** This field of {@code hit} as one TSV cell: tabs, line breaks and backslashes escaped. */
  String tsv(Hit hit, int rank) {
    JsonElement json = json(hit, rank);
    String text;
    if (json.isJsonNull()) {
      text = "";
    } else if (this == MATCHED) {
      List<String> parts = new ArrayList<>();
      for (Match match : hit.matched()) {
        parts.add(match.toString());
      }
      text = String.join("; ", parts);
    } else {
      text = json.getAsString();
    }
    return text.replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r");
  }

  /**
   * Parses a comma-separated list of field names.
   *
   * @throws IllegalArgumentException naming an unknown field and the known ones
   */
  static List<HitField> parse(String list) {
    List<HitField> fields = new ArrayList<>();
    for (String name : list.split(",", -1)) {
      String wanted = name.strip().toLowerCase(Locale.ROOT);
      HitField found = null;
      for (HitField field : values()) {
        if (field.fieldName().equals(wanted)) {
          found = field;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException(
            "unknown field '" + name.strip() + "' (fields: " + names() + ")");
      }
      if (!fields.contains(found)) {
        fields.add(found);
      }
    }
    return fields;
  }

  static String names() {
    List<String> names = new ArrayList<>();
    for (HitField field : values()) {
      names.add(field.fieldName());
    }
    return String.join(", ", names);
  }

  private static JsonElement matched(Hit hit, int rank) {
    JsonArray matched = new JsonArray();
    for (Match match : hit.matched()) {
      JsonObject m = new JsonObject();
      m.addProperty("concept", match.concept());
      m.addProperty("term", match.term());
      m.addProperty("via", match.via());
      matched.add(m);
    }
    return matched;
  }
}
