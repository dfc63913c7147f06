package org.pobox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.support.TestEngine;

/**
 * {@code pobox run} (watch mode) and a cron {@code pobox batch} on the same inbox: whichever comes
 * second exits 2 with the lock message and touches nothing, as a second batch does.
 */
class RunLockTest {

    @TempDir
    Path dir;

    @Test
    void aBatchOrASecondRunBesideARunExitsWithTheLockMessage() throws Exception {
        BatchChild child = child();
        Process run = child.start("run");
        try {
            while (!child.output(1).contains("pobox watching") && run.isAlive()) {
                Thread.sleep(100);
            }
            assertThat(run.isAlive()).as("run ended: %s", child.output(1)).isTrue();
            assertThat(BatchLock.isHeld(dir.resolve("data/batch.lock"))).isTrue();

            Process batch = child.start("batch");
            assertThat(batch.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(batch.exitValue()).isEqualTo(2);
            assertThat(child.output()).contains("pobox batch: another batch or run is working on this inbox (pid "
                    + run.pid() + ")");

            Process second = child.start("run");
            assertThat(second.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(second.exitValue()).isEqualTo(2);
            assertThat(child.output()).contains("pobox run: another batch or run is working on this inbox (pid "
                    + run.pid() + ")");
            assertThat(run.isAlive()).isTrue();
            // what `pobox status` says of the lock's holder
            assertThat(BatchLock.holderDoing(dir.resolve("data/batch.lock")))
                    .isEqualTo("pobox run is watching the inbox (pid " + run.pid() + ")");
        } finally {
            run.destroy();
            run.waitFor(2, TimeUnit.MINUTES);
        }
    }

    @Test
    void aRunBesideABatchExitsWithTheLockMessage() throws Exception {
        BatchChild child = child();
        // the lock as a running batch holds it
        try (BatchLock held = BatchLock.tryAcquire(dir.resolve("data/batch.lock")).orElseThrow()) {
            Process run = child.start("run");
            assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(run.exitValue()).isEqualTo(2);
            assertThat(child.output()).contains("pobox run: another batch or run is working on this inbox (pid "
                    + ProcessHandle.current().pid() + ")");
        }
    }

    private BatchChild child() {
        BatchChild child = new BatchChild(dir, TestEngine.client().url(), "letters_runlock");
        // run serves the web page and Camel's management endpoint: free ports, not the defaults
        child.settings.put("pobox.web.port", String.valueOf(TestEngine.freePort()));
        child.settings.put("camel.management.port", String.valueOf(TestEngine.freePort()));
        return child;
    }
}
