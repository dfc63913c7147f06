package org.pobox.understand.subject;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** taxonomy.yaml: disciplines on top, working categories with topics and their phrases. */
public record Taxonomy(List<String> disciplines, List<Category> categories) {
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Category(String name, String discipline, List<Topic> topics, String forwardTo) {}
    /** {@code weight}: how much one phrase of this topic says (1 unless the topic is ambiguous). */
    public record Topic(String name, List<String> phrases, Double weight) {
        public double weightOrOne() {
            return weight == null ? 1.0 : weight;
        }
    }

    public Category category(String name) {
        return categories.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    public List<String> names() {
        return categories.stream().map(Category::name).toList();
    }
}
