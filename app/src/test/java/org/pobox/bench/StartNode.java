package org.pobox.bench;

import org.pobox.config.PoboxConfig;
import org.pobox.node.EmbeddedNode;
import org.pobox.node.SearchEngine;

/**
 * Starts the embedded search node of the current configuration and leaves it running after this
 * JVM exits, for {@code bench/e2e.sh}. Needed because {@code pobox node start} uses
 * {@code ensureRunning()}, whose shutdown hook stops the node it launched when the command ends.
 */
public final class StartNode {

    public static void main(String[] args) {
        EmbeddedNode node = new EmbeddedNode(SearchEngine.nodeConfig(PoboxConfig.load()));
        node.start();
        System.out.println("search node running at " + node.url());
    }

    private StartNode() {
    }
}
