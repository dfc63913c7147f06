package org.pobox.cli;

import java.util.concurrent.Callable;
import org.pobox.config.PoboxConfig;
import org.pobox.node.EmbeddedNode;
import org.pobox.node.NodeException;
import org.pobox.node.SearchEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Start, stop or check the embedded search node on its own (pobox run/batch start it when needed).")
final class NodeCommand implements Callable<Integer> {

    enum Action { start, stop, status }

    @Parameters(paramLabel = "start|stop|status", description = "What to do: ${COMPLETION-CANDIDATES}")
    Action action;

    @Override
    public Integer call() {
        EmbeddedNode node = new EmbeddedNode(SearchEngine.nodeConfig(PoboxConfig.load()));
        try {
            switch (action) {
                case start -> {
                    // start(), not ensureRunning(): the node must outlive this command
                    if (node.isRunning()) {
                        System.out.println("search node already running at " + node.url());
                    } else {
                        node.start();
                        System.out.println("search node running at " + node.url() + " (stop it with: pobox node stop)");
                    }
                }
                case stop -> {
                    node.stop();
                    System.out.println("search node stopped");
                }
                case status -> {
                    System.out.println(node.status());
                    return node.status().running() ? 0 : 3;
                }
            }
            return 0;
        } catch (NodeException e) {
            System.err.println("pobox node " + action + ": " + e.getMessage());
            return 2;
        }
    }
}
