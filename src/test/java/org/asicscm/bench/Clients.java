package org.asicscm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Concurrent clients sharing a numbered batch of work: each takes the next item until none is left. */
final class Clients {
    /** What one client does: open its resources, then work through the items it takes. */
    interface Client {
        void work(Items items) throws Exception;
    }

    /** The shared counter of items (machines). */
    static final class Items {
        private final AtomicInteger next = new AtomicInteger();
        private final int count;

        Items(int count) {
            this.count = count;
        }

        /** @return the next item's number, or -1 when all are taken */
        int take() {
            int item = next.getAndIncrement();
            return item < count ? item : -1;
        }
    }

    private Clients() {}

    /** @return wall-clock seconds until every client has finished */
    static double run(int clients, int items, Client client) throws Exception {
        var shared = new Items(items);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                work.add(pool.submit(() -> {
                    client.work(shared);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
