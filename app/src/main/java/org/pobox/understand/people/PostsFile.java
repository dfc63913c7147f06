package org.pobox.understand.people;

import java.util.List;

/** posts.yaml: cadre levels (highest rank first) and the titles that map to them. */
public record PostsFile(List<Level> levels, List<Post> posts) {
    public record Level(String code, String name, int rank, String region) {}
    public record Post(String title, String level, boolean village) {}
}
