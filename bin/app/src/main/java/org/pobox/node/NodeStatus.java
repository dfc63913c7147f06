package org.pobox.node;

import java.nio.file.Path;

/**
 * What {@code pobox node status} shows.
 *
 * @param running a live node process owns the data dir
 * @param pid its process id, or -1
 * @param url where it listens (the configured one when not running)
 * @param health {@code green}, {@code yellow}, {@code red}, {@code unreachable} (alive but not
 *               answering yet) or {@code stopped}
 * @param dataDir the node's data dir
 */
public record NodeStatus(boolean running, long pid, String url, String health, Path dataDir) {

    @Override
    public String toString() {
        return running
                ? "search node running (pid " + pid + ") at " + url + ", health " + health + ", data dir " + dataDir
                : "search node not running, data dir " + dataDir;
    }
}
