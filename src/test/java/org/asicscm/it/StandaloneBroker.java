package org.asicscm.it;

import java.nio.file.Path;
import org.apache.activemq.broker.BrokerService;

/**
 * A standalone ActiveMQ Classic broker from ActiveMQ's own jars (its binary distribution is not
 * served here), persistent (KahaDB), for the external-broker topology: src/main/micro/two-instances.sh
 * runs it, and BrokerOutageIT stops and starts one in its own JVM.
 * Usage: {@code StandaloneBroker tcp://127.0.0.1:61616 DATA_DIR}; runs until killed.
 */
public final class StandaloneBroker {
    private StandaloneBroker() {}

    public static BrokerService start(String url, Path dataDir) throws Exception {
        var broker = new BrokerService();
        broker.setBrokerName("scm-broker");
        broker.setPersistent(true);
        broker.setDataDirectory(dataDir.toString());
        broker.setUseJmx(false);
        broker.setAdvisorySupport(false);
        broker.addConnector(url);
        broker.start();
        broker.waitUntilStarted();
        return broker;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: StandaloneBroker tcp://127.0.0.1:61616 DATA_DIR");
            System.exit(2);
        }
        BrokerService broker = start(args[0], Path.of(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        System.out.println("broker listening on " + args[0] + ", store in " + args[1]);
        broker.waitUntilStopped();
    }
}
