package org.pobox.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code pobox --version}: the version Maven wrote into {@code version.properties} when it built pobox. */
final class Version implements IVersionProvider {

    static String current() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource of our own jar: the version is unknown, nothing else is wrong
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"pobox " + current(), "Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vendor") + ")"};
    }
}
