package org.careweave.platform.testing;

import java.io.IOException;
import java.io.OutputStream;

/** Child JVM for {@link WatchdogTest}: starts both servers, reports them, exits at end of input. */
public final class ServersMain {

    public static void main(String[] args) throws IOException {
        String jdbcUrl = PostgresServer.shared().createDatabase();
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        System.out.println("READY " + jdbcUrl + " " + bootstrap + " " + System.getProperty(KafkaBroker.DIR_PROPERTY));
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
        System.exit(0);
    }
}
